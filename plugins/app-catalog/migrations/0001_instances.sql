-- Installed app instances: the desired state the reconciler applies to a cluster. An
-- instance's name is unique across Wharf (the CLI and dependency choices name instances),
-- and becomes the prefix of every Kubernetes object it owns in its tenant's namespace.
create table app_catalog.instances (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (name ~ '^[a-z]([-a-z0-9]{0,34}[a-z0-9])?$'),
  app text not null,
  -- The definition's version when installed (the catalog may ship a newer one later).
  version text not null,
  tenant_id text not null,
  cluster_id uuid not null,
  namespace text not null,
  visibility text not null check (visibility in ('all', 'tenant')),
  -- Complete values (every field, defaulted), so a rendering never depends on today's defaults.
  values jsonb not null,
  -- Generated once (passwords); carried into the instance's Secret.
  secrets jsonb not null default '{}',
  -- Bumped by every change of settings; applied_generation is what the cluster has.
  generation integer not null default 1,
  applied_generation integer not null default 0,
  status text not null default 'deploying'
    check (status in ('deploying', 'ready', 'degraded', 'failed', 'deleting')),
  reason text,
  waiting_for text[] not null default '{}',
  -- Set when deleting: whether the data volumes (PVCs) go too.
  delete_volumes boolean not null default false,
  -- A reconciler's lease on this instance, so one replica works on it at a time; a crashed
  -- replica's lease simply expires.
  lease_until timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index instances_tenant on app_catalog.instances (tenant_id);
create index instances_cluster on app_catalog.instances (cluster_id, status);

-- Each dependency of an instance, by the app depended on: the instance bound, or none
-- (an optional one not installed). A bound instance cannot go while this row holds it.
create table app_catalog.bindings (
  instance_id uuid not null references app_catalog.instances (id) on delete cascade,
  app text not null,
  bound_id uuid references app_catalog.instances (id) on delete restrict,
  primary key (instance_id, app)
);
create index bindings_bound on app_catalog.bindings (bound_id);

-- Idempotency-Key of an install, per user: a retry returns the same instances.
create table app_catalog.install_keys (
  user_id uuid not null,
  key text not null,
  instance_id uuid not null references app_catalog.instances (id) on delete cascade,
  -- Every instance the install created, dependencies first.
  created_ids uuid[] not null,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
