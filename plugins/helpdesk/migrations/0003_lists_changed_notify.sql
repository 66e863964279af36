-- Every replica keeps ticket list pages for a moment (src/server/list-cache.ts). Whatever
-- changes what a list shows, from any replica, job or psql session, tells them all to
-- forget their pages: a NOTIFY per statement, delivered when the transaction commits
-- (PostgreSQL folds a transaction's identical notifications into one).
create function helpdesk.notify_lists_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('helpdesk_lists_changed', '');
  return null;
end
$$;

create trigger tickets_lists_changed after insert or update or delete or truncate on helpdesk.tickets
  for each statement execute function helpdesk.notify_lists_changed();

create trigger categories_lists_changed after update or delete on helpdesk.categories
  for each statement execute function helpdesk.notify_lists_changed();
