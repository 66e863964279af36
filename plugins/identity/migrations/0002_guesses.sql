-- A guess is recorded before the password is checked (and removed when it was right), so
-- parallel or batched guesses are counted one by one; the id names the guess to remove.
alter table identity.sign_in_failures add column id bigserial primary key;
create index sign_in_failures_ip on identity.sign_in_failures (ip, at);
