-- Greetings people leave for each other: the plugin's one table, in its own schema.
create table hello.greetings (
  id bigint generated always as identity primary key,
  message text not null,
  author text not null,
  created_at timestamptz not null default now()
);
