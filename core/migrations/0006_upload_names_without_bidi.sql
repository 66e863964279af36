-- Upload names stored before uploads dropped bidirectional controls (U+202A-202E,
-- U+2066-2069, U+200E/F, U+061C; `uploads/names.ts`) lose them too, then surrounding spaces,
-- as a new upload's name does. Only names holding one change, so running it again does nothing.
update wharf.uploads
set filename = coalesce(
  nullif(btrim(regexp_replace(filename, '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')), ''),
  'file'
)
where filename ~ '[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
