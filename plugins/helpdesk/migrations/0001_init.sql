-- Tickets (工单), their thread, history and surveys; the admin-managed categories and
-- service calendars with SLA targets; per-user preferences; plugin settings.
create table helpdesk.calendars (
  id uuid primary key default gen_random_uuid(),
  -- '7x24', '5x8', '7x8' or an admin's own key.
  key text not null unique,
  name text not null,
  time_zone text not null default 'Asia/Shanghai',
  -- ISO weekdays served, 1 = Monday … 7 = Sunday.
  days smallint[] not null,
  -- Minutes after local midnight; 0–1440 is around the clock.
  start_minute smallint not null check (start_minute between 0 and 1439),
  end_minute smallint not null check (end_minute between 1 and 1440),
  -- Local dates without service.
  holidays date[] not null default '{}',
  is_default boolean not null default false,
  check (start_minute < end_minute)
);
create unique index calendars_one_default on helpdesk.calendars (is_default) where is_default;

create table helpdesk.sla_targets (
  calendar_id uuid not null references helpdesk.calendars (id) on delete cascade,
  severity text not null check (severity in ('critical', 'major', 'normal', 'minor')),
  -- In service minutes of the calendar.
  first_response_minutes integer not null check (first_response_minutes > 0),
  resolution_minutes integer not null check (resolution_minutes > 0),
  primary key (calendar_id, severity)
);

create table helpdesk.categories (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  name_en text not null,
  position integer not null default 0,
  active boolean not null default true,
  calendar_id uuid references helpdesk.calendars (id) on delete set null
);
create unique index categories_name on helpdesk.categories (lower(name));

create sequence helpdesk.ticket_number start with 10001;

create table helpdesk.tickets (
  id uuid primary key default gen_random_uuid(),
  number bigint not null unique default nextval('helpdesk.ticket_number'),
  title text not null,
  severity text not null check (severity in ('critical', 'major', 'normal', 'minor')),
  category_id uuid not null references helpdesk.categories (id),
  product text,
  version text,
  description text not null,
  status text not null default 'in_progress'
    check (status in ('in_progress', 'awaiting_reply', 'awaiting_confirmation', 'closed')),
  -- A registered requester, or a guest (requester_id null) known by email.
  requester_id uuid,
  requester_name text not null,
  requester_email text not null,
  -- Whose ticket it is: 'user' = the requester's own tenant, 'group' = one of their groups.
  tenant_kind text not null check (tenant_kind in ('user', 'group', 'guest')),
  tenant_id uuid,
  tenant_name text not null,
  assignee_id uuid,
  assignee_name text,
  calendar_id uuid references helpdesk.calendars (id) on delete set null,
  first_response_due timestamptz,
  resolution_due timestamptz,
  first_responded_at timestamptz,
  first_response_breached_at timestamptz,
  resolution_breached_at timestamptz,
  status_changed_at timestamptz not null default now(),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tickets_requester on helpdesk.tickets (requester_id, updated_at desc);
create index tickets_tenant on helpdesk.tickets (tenant_id, updated_at desc);
create index tickets_updated on helpdesk.tickets (updated_at desc, number desc);
create index tickets_status on helpdesk.tickets (status, updated_at desc);
create index tickets_open_due on helpdesk.tickets (resolution_due) where status <> 'closed';
create index tickets_awaiting on helpdesk.tickets (status_changed_at) where status = 'awaiting_confirmation';

create table helpdesk.messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references helpdesk.tickets (id) on delete cascade,
  -- 'internal' notes are for support only and never leave the support API.
  visibility text not null check (visibility in ('public', 'internal')),
  author_id uuid,
  author_name text not null,
  author_side text not null check (author_side in ('customer', 'support')),
  body text not null,
  proposes_solution boolean not null default false,
  via text not null default 'console' check (via in ('console', 'api', 'email', 'guest-link')),
  created_at timestamptz not null default now()
);
create index messages_ticket on helpdesk.messages (ticket_id, created_at);

create table helpdesk.attachments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references helpdesk.tickets (id) on delete cascade,
  message_id uuid references helpdesk.messages (id) on delete cascade,
  upload_id text not null,
  name text not null,
  size bigint not null,
  created_at timestamptz not null default now()
);
create index attachments_ticket on helpdesk.attachments (ticket_id);

create table helpdesk.history (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references helpdesk.tickets (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  action text not null,
  from_value text,
  to_value text,
  note text,
  -- SLA breaches and escalations are for support's eyes.
  internal boolean not null default false
);
create index history_ticket on helpdesk.history (ticket_id, at);

create table helpdesk.surveys (
  ticket_id uuid primary key references helpdesk.tickets (id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  comment text not null default '',
  agent_id uuid,
  agent_name text,
  category_id uuid,
  created_at timestamptz not null default now()
);
create index surveys_created on helpdesk.surveys (created_at);

create table helpdesk.preferences (
  user_id uuid primary key,
  email_notifications boolean not null default true,
  home_count smallint not null default 5 check (home_count between 1 and 20)
);

create table helpdesk.settings (
  key text primary key,
  value jsonb not null
);
insert into helpdesk.settings (key, value) values ('auto_close_days', '7');

-- The seed's service hours: 7×24, 5×8 (Mon–Fri 08:00–17:30) and 7×8, in Beijing time.
insert into helpdesk.calendars (key, name, time_zone, days, start_minute, end_minute, is_default) values
  ('7x24', '7×24', 'Asia/Shanghai', '{1,2,3,4,5,6,7}', 0, 1440, false),
  ('5x8', '5×8 (周一至周五 08:00–17:30)', 'Asia/Shanghai', '{1,2,3,4,5}', 480, 1050, true),
  ('7x8', '7×8 (每天 08:00–17:30)', 'Asia/Shanghai', '{1,2,3,4,5,6,7}', 480, 1050, false);
insert into helpdesk.sla_targets (calendar_id, severity, first_response_minutes, resolution_minutes)
select c.id, t.severity, t.first_response, t.resolution
from helpdesk.calendars c
cross join (values ('critical', 60, 480), ('major', 240, 1440), ('normal', 480, 2880), ('minor', 1440, 5700))
  as t (severity, first_response, resolution);

-- Tickets need a category; admins rename or add more.
insert into helpdesk.categories (name, name_en, position) values ('一般问题', 'General', 100);
