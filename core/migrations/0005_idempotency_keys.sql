-- A create's Idempotency-Key: written in the create's own transaction, so a retry with the
-- same key finds it exactly when the first attempt committed. `answer` is what the create
-- needs to answer the retry (an id, or the answer itself); `request_hash` tells a retry
-- from another request that reuses the key. Keys are kept a day, then may be used again.
create table wharf.idempotency_keys (
  -- Whose key: 'user:<uuid>', or what a guest proves (e.g. 'guest:<address>').
  owner text not null,
  -- What is created, e.g. 'helpdesk.ticket'.
  scope text not null,
  key text not null,
  request_hash text not null,
  answer jsonb not null,
  created_at timestamptz not null default now(),
  primary key (owner, scope, key)
);
