-- What changes a ticket list is published through core's Events (topic `helpdesk.lists`)
-- instead of a bare NOTIFY: a replica that misses the notification (PGlite delivers none;
-- a dropped LISTEN connection) still reads it from the events log within Events' bound.
create or replace function helpdesk.notify_lists_changed() returns trigger language plpgsql as $$
begin
  perform wharf.publish_event('helpdesk.lists', '');
  return null;
end
$$;
