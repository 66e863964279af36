-- A manual per product and version: an ordered tree of Markdown pages.
create table manuals.manuals (
  id uuid primary key default gen_random_uuid(),
  product text not null,
  version text not null,
  title text not null,
  published_at date not null,
  unique (product, version)
);

create table manuals.pages (
  id uuid primary key default gen_random_uuid(),
  manual_id uuid not null references manuals.manuals (id) on delete cascade,
  parent_id uuid references manuals.pages (id) on delete cascade,
  position integer not null,
  slug text not null,
  title text not null,
  body text not null,
  unique (manual_id, slug)
);

-- Release announcements, newest first on the list page and in the Atom feed.
create table manuals.releases (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  product text not null,
  version text not null,
  released_on date not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index releases_newest on manuals.releases (released_on desc, created_at desc);
