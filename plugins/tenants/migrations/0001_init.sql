-- Tenants (a user's own, or a group's) and their quotas on clusters. A tenant's id is also
-- its namespace's name on every cluster where it holds quota.
create table tenants.tenants (
  -- u-<slug> or g-<slug>: a DNS label (at most 63 characters).
  id text primary key check (id ~ '^[ug]-[a-z0-9]([a-z0-9-]{0,59}[a-z0-9])?$'),
  kind text not null check (kind in ('user', 'group')),
  -- The identity user or group; the id stays when the email or the group's name changes.
  subject_id uuid not null unique,
  name text not null,
  created_at timestamptz not null default now()
);

-- One priority of a tenant's quota on a cluster. cpu in millicores; memory and storage in
-- MiB; network in Mbit/s (the sum of the bandwidth Wharf gives the tenant's pods).
create table tenants.quotas (
  id uuid primary key default gen_random_uuid(),
  tenant_id text not null references tenants.tenants (id) on delete cascade,
  cluster_id uuid not null,
  priority integer not null check (priority between 0 and 1000),
  cpu_millis bigint not null check (cpu_millis >= 0),
  memory_mib bigint not null check (memory_mib >= 0),
  storage_mib bigint not null check (storage_mib >= 0),
  network_mbps bigint not null check (network_mbps >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, cluster_id, priority)
);
create index quotas_cluster on tenants.quotas (cluster_id);

-- Traffic an admin lets in from another tenant's namespace (besides its own and the platform's).
create table tenants.peers (
  tenant_id text not null references tenants.tenants (id) on delete cascade,
  peer_id text not null references tenants.tenants (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (tenant_id, peer_id),
  check (tenant_id <> peer_id)
);
