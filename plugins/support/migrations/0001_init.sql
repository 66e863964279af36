-- Premium on-demand services, managed by admins.
create table support.services (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  category text not null,
  description text not null,
  price_note text not null,
  position integer not null default 0,
  active boolean not null default true
);

-- An order for a premium service. Handed to the helpdesk as a ticket when a plugin
-- contributes to `support.service-order` (ticket_ref set); otherwise it stays here for agents.
create table support.orders (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references support.services (id),
  user_id uuid not null,
  user_email text not null,
  note text not null default '',
  status text not null default 'received' check (status in ('received', 'ticketed')),
  ticket_ref text,
  created_at timestamptz not null default now()
);

create table support.faqs (
  id uuid primary key default gen_random_uuid(),
  question text not null,
  answer text not null,
  locale text not null check (locale in ('zh-CN', 'en')),
  position integer not null default 0
);
