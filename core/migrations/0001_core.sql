-- Core's own tables: the audit log and the record of scheduled job runs.
create table wharf.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_email text,
  action text not null,
  target text,
  tenant text,
  detail jsonb,
  ip text
);
create index audit_log_at on wharf.audit_log (at desc);
create index audit_log_actor on wharf.audit_log (actor_id, at desc);

create table wharf.job_runs (
  id bigint generated always as identity primary key,
  job_id text not null,
  -- The schedule slot this run serves; unique, so a slot runs once across replicas.
  slot timestamptz not null,
  instance text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  outcome text not null default 'running' check (outcome in ('running', 'succeeded', 'failed')),
  error text,
  unique (job_id, slot)
);
create index job_runs_job on wharf.job_runs (job_id, started_at desc);
