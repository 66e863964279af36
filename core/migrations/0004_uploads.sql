-- Files uploaded through the tus endpoint (/uploads). A row exists from the upload's
-- creation; `finished_at` and `sha256` are set when its last byte arrives; a plugin then
-- claims it (e.g. as a ticket attachment) in the same transaction as its own row.
-- Unclaimed rows (finished or not) expire and a job deletes them with their bytes.
create table wharf.uploads (
  id text primary key,
  -- 'user:<uuid>' for a signed-in user, 'guest:<purpose>:<subject>' for a guest whose
  -- credential (e.g. a signed ticket link) the purpose's plugin vouched for.
  owner text not null,
  purpose text not null,
  filename text not null,
  content_type text not null,
  -- The declared Upload-Length; the bytes on disk equal it once finished.
  size bigint not null check (size >= 0),
  sha256 text,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  expires_at timestamptz not null,
  claimed_at timestamptz,
  -- What claimed it, e.g. 'helpdesk.attachment:<uuid>'.
  claimed_by text,
  check ((sha256 is null) = (finished_at is null)),
  check ((claimed_at is null) = (claimed_by is null))
);
create index uploads_expiring on wharf.uploads (expires_at) where claimed_at is null;
create index uploads_owner on wharf.uploads (owner, created_at desc);
