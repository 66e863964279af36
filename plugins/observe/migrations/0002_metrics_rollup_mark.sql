-- Rolled-up hours are tracked by one watermark instead of a flag per raw row: setting a flag
-- rewrote every ~1.5 kB row once an hour (a dead copy of the whole store each hour).
-- The collector's job rolls up hours in order, once across replicas, so one mark suffices.
drop index observe.metric_raw_unrolled;
alter table observe.metric_raw drop column rolled;
create table observe.metric_rollup_mark (
  only_row boolean primary key default true check (only_row),
  -- Every hour before this one is rolled up.
  next_hour timestamptz not null
);
