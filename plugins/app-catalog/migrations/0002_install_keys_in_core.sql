-- An install's Idempotency-Key is kept by core (wharf.idempotency_keys, like every create's),
-- with the request's hash, so the same key with another request is refused.
drop table app_catalog.install_keys;
