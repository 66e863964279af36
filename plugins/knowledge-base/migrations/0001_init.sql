-- Articles: the current text; every edit is also kept as a revision.
create table knowledge_base.articles (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body text not null,
  tags text[] not null default '{}',
  product text not null,
  version text not null,
  locale text not null check (locale in ('zh-CN', 'en')),
  status text not null check (status in ('draft', 'published')),
  author_id uuid,
  author_name text not null,
  revision integer not null default 1,
  views integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index articles_status_updated on knowledge_base.articles (status, updated_at desc);

create table knowledge_base.revisions (
  article_id uuid not null references knowledge_base.articles (id) on delete cascade,
  number integer not null,
  title text not null,
  body text not null,
  tags text[] not null,
  product text not null,
  version text not null,
  locale text not null,
  status text not null,
  author_id uuid,
  author_name text not null,
  created_at timestamptz not null default now(),
  primary key (article_id, number)
);

-- One vote per user and article; voting again changes the vote.
create table knowledge_base.feedback (
  article_id uuid not null references knowledge_base.articles (id) on delete cascade,
  user_id uuid not null,
  helpful boolean not null,
  comment text not null default '',
  created_at timestamptz not null default now(),
  primary key (article_id, user_id)
);

-- Admin-curated shortcuts under the search box.
create table knowledge_base.quick_links (
  id uuid primary key default gen_random_uuid(),
  label text not null,
  query text not null,
  locale text not null check (locale in ('zh-CN', 'en')),
  position integer not null default 0
);

-- Every change, in order: replicas read it after a NOTIFY, and catch up from it after
-- missing one (a dropped LISTEN connection) or where NOTIFY is not delivered (PGlite).
create table knowledge_base.changes (
  seq bigserial primary key,
  article_id uuid not null,
  at timestamptz not null default now()
);
