-- What responders tell customers about an incident (issue 6). Drafts (published_at null) stay
-- internal until published.
create table public_update (
  id           uuid         primary key,
  incident_id  uuid         not null references incident (id) on delete cascade,
  status       varchar(20)  not null
    check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
  title        varchar(300),
  body         text         not null,
  author       varchar(200) not null,
  created_at   timestamptz  not null,
  published_by varchar(200),
  published_at timestamptz,
  check ((published_at is null) = (published_by is null))
);

create index public_update_by_incident on public_update (incident_id, created_at desc);

-- Post-incident review: impact, root cause, follow-ups.
alter table incident add column postmortem jsonb;
