-- Registered Kubernetes clusters. Credentials (a kubeconfig, or a token and CA) are sealed
-- with AES-256-GCM before they reach this table; `server` is only the API address.
create table clusters.clusters (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  server text not null,
  credentials text not null,
  -- A kube-sim cluster Wharf starts itself (the demo default); its address changes per start.
  simulated boolean not null default false,
  owner_kind text not null check (owner_kind in ('platform', 'user', 'group')),
  owner_id uuid,
  owner_name text not null,
  -- null: the default registry; otherwise address:port.
  registry text,
  version text,
  node_count integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((owner_kind = 'platform') = (owner_id is null))
);
create index clusters_owner on clusters.clusters (owner_kind, owner_id);
