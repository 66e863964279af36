-- Each change recorded at the edge names the HTTP request that made it (its `x-request-id`,
-- also in the request log and echoed to the caller) and the client's address, so a support
-- engineer can go from a user's report, a log line or a response to the audit row and back.
alter table wharf.audit_log add column request_id text;
create index audit_log_request on wharf.audit_log (request_id) where request_id is not null;
