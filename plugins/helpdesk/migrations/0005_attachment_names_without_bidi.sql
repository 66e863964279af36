-- Attachment names stored before uploads dropped bidirectional controls (U+202A-202E,
-- U+2066-2069, U+200E/F, U+061C; core's `uploads/names.ts`) lose them too, then surrounding
-- spaces, as a new attachment's name does. Core cleans its own uploads' names (its 0006).
-- Only names holding one change, so running it again does nothing.
update helpdesk.attachments
set name = coalesce(
  nullif(btrim(regexp_replace(name, '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')), ''),
  'file'
)
where name ~ '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
