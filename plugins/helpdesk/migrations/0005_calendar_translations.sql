-- A service calendar's name reads in the reader's language: its English name beside the
-- Chinese one (null: not translated, English readers see the Chinese). The calendars
-- 0001 shipped get theirs, unless an admin has renamed them since.
alter table helpdesk.calendars add column name_en text;
update helpdesk.calendars set name_en = shipped.name_en
from (values
  ('7x24', '7×24', '7×24'),
  ('5x8', '5×8 (周一至周五 08:00–17:30)', '5×8 (Mon–Fri 08:00–17:30)'),
  ('7x8', '7×8 (每天 08:00–17:30)', '7×8 (every day 08:00–17:30)')
) as shipped (key, name, name_en)
where calendars.key = shipped.key and calendars.name = shipped.name;
