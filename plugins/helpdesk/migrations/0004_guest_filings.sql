-- Guest tickets filed, for the limits per client and per address: the public form must
-- not become a way to mail strangers (issue 12, finding 7). Rows older than a day no
-- longer count and are deleted as new filings come.
create table helpdesk.guest_filings (
  id bigint generated always as identity primary key,
  -- Lower-cased: one mailbox however it is written.
  email text not null,
  -- The client's address, as core's client-address helper decides it.
  ip text not null,
  at timestamptz not null default now()
);
create index guest_filings_email on helpdesk.guest_filings (email, at);
create index guest_filings_ip on helpdesk.guest_filings (ip, at);

-- An address is confirmed once a signed link mailed to it has been opened: its owner reads it.
create table helpdesk.guest_addresses (
  email text primary key,
  confirmed_at timestamptz not null default now()
);
