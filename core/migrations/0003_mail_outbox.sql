-- Every message the Mailer sends. Without SMTP_URL this table is the outbox admins read
-- in the console; with it, a record of what was delivered or why delivery failed.
create table wharf.mail_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  to_addresses text[] not null,
  subject text not null,
  text_body text not null,
  html_body text,
  headers jsonb,
  status text not null check (status in ('outbox', 'sent', 'failed')),
  sent_at timestamptz,
  error text
);
create index mail_outbox_created on wharf.mail_outbox (created_at desc, id desc);
