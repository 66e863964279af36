-- "My tickets" reads each of the viewer's groups along this index, newest activity first,
-- and counts a group's tickets from it alone (requester_id is included to leave out the
-- viewer's own, which the list reads by requester): no table row is visited to count.
create index tickets_group_activity on helpdesk.tickets (tenant_id, updated_at desc, number desc)
  include (requester_id) where tenant_kind = 'group';
