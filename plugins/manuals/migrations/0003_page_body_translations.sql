-- A manual page's text reads in the reader's language too: its English Markdown beside the
-- Chinese (null: not translated yet, English readers see the Chinese).
alter table manuals.pages add column body_en text;
