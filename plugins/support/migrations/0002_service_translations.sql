-- A service reads in the reader's language: its English text beside the Chinese one
-- (null: not translated yet, English readers see the Chinese).
alter table support.services
  add column name_en text,
  add column category_en text,
  add column description_en text,
  add column price_note_en text;
