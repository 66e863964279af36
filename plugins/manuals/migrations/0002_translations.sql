-- Manuals' tables of contents and release announcements read in the reader's language:
-- an English title (and a release's English body) beside the Chinese one. Null: not
-- translated yet, English readers see the Chinese.
alter table manuals.manuals add column title_en text;
alter table manuals.pages add column title_en text;
alter table manuals.releases add column title_en text, add column body_en text;
