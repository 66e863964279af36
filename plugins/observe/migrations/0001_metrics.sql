-- Metrics over time, compact: a series is one metric of one container, pod or node; its
-- samples are packed, one row per series per hour (see server/metrics/codec.ts), not a row per
-- sample. Rollups (min/avg/max per 5 min and per hour) are packed one row per series per day.
create table observe.metric_series (
  id bigint generated always as identity primary key,
  cluster_id uuid not null,
  -- 'container' (cpu, memory), 'pod' (rx, tx: a pod's network) or 'node' (all of them, fs too).
  kind text not null check (kind in ('container', 'pod', 'node')),
  -- '' for nodes.
  namespace text not null default '',
  -- The pod's or the node's name.
  name text not null,
  container text not null default '',
  -- cpu (cores), memory (bytes), rx / tx (bit/s), fs / fs_capacity (bytes).
  metric text not null,
  -- The pod's `wharf.io/app-instance` and `app.kubernetes.io/component` labels: an app's totals by role.
  app_instance text,
  component text,
  unique (cluster_id, kind, namespace, name, container, metric)
);
create index metric_series_app on observe.metric_series (cluster_id, app_instance) where app_instance is not null;

create table observe.metric_raw (
  series_id bigint not null references observe.metric_series (id) on delete cascade,
  hour timestamptz not null,
  data bytea not null,
  -- Set once the hour is over and its rollups are written.
  rolled boolean not null default false,
  primary key (series_id, hour)
);
create index metric_raw_unrolled on observe.metric_raw (hour) where not rolled;
create index metric_raw_hour on observe.metric_raw (hour);

create table observe.metric_rollups (
  series_id bigint not null references observe.metric_series (id) on delete cascade,
  -- Seconds a bucket spans: 300 or 3600.
  step integer not null check (step in (300, 3600)),
  day date not null,
  data bytea not null,
  primary key (series_id, step, day)
);
create index metric_rollups_day on observe.metric_rollups (day);
