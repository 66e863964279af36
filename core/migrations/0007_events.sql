-- Core's `Events` (src/events.ts): every published event, in order. A NOTIFY on
-- `wharf_events` (the event's seq) wakes the replicas, which read what is new from here;
-- the log is also how a replica catches up on a notification it did not get (PGlite
-- delivers none; a LISTEN connection can drop). Kept a day.
create table wharf.events (
  seq bigserial primary key,
  topic text not null,
  payload text not null default '',
  at timestamptz not null default now()
);

-- The one way to publish, from code (`Events.publish`) and from triggers alike: the row and
-- the NOTIFY belong to the caller's transaction, so both exist only if it commits.
create function wharf.publish_event(event_topic text, event_payload text) returns void
language plpgsql as $$
declare
  event_seq bigint;
begin
  insert into wharf.events (topic, payload) values (event_topic, event_payload) returning seq into event_seq;
  perform pg_notify('wharf_events', event_seq::text);
end
$$;
