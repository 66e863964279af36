-- Users, groups (leasees) and memberships; sessions and API tokens store only hashes.
create table identity.users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text not null,
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  roles text[] not null default '{user}',
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email on identity.users (lower(email));

create table identity.groups (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  created_at timestamptz not null default now()
);
create unique index groups_name on identity.groups (lower(name));

create table identity.memberships (
  group_id uuid not null references identity.groups (id) on delete cascade,
  user_id uuid not null references identity.users (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'admin')),
  created_at timestamptz not null default now(),
  primary key (group_id, user_id)
);
create index memberships_user on identity.memberships (user_id);

create table identity.sessions (
  -- sha256 of the cookie value: a leaked table does not leak sessions.
  id text primary key,
  user_id uuid not null references identity.users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user on identity.sessions (user_id);

create table identity.api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references identity.users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  -- The first characters, so a user can tell tokens apart without seeing them.
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on identity.api_tokens (user_id);

-- Failed sign-ins, for the rate limit (shared by every replica).
create table identity.sign_in_failures (
  email text not null,
  ip text not null,
  at timestamptz not null default now()
);
create index sign_in_failures_email on identity.sign_in_failures (lower(email), at);
