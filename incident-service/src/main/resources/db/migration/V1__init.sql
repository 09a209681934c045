
-- One incident per stretch of trouble of an alert group. Status names match
-- dev.vigil.events.IncidentStatus; ACKNOWLEDGED is written by a later issue.
create table incident (
  id          uuid         primary key,
  group_key   varchar(500) not null,
  title       text         not null,
  severity    varchar(20)  not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
  status      varchar(20)  not null check (status in ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')),
  labels      jsonb        not null default '{}'::jsonb,
  opened_at   timestamptz  not null,
  updated_at  timestamptz  not null,
  resolved_at timestamptz,
  resolved_by varchar(200),
  version     bigint       not null default 0,
  constraint incident_resolution_consistent
    check ((status = 'RESOLVED') = (resolved_at is not null))
);

-- The correlation invariant: at most one incident per group that is not resolved.
create unique index incident_one_open_per_group on incident (group_key) where status <> 'RESOLVED';
create index incident_newest_first on incident (opened_at desc, id desc);
-- Uptime/SLA work (later) reads resolved incidents of a group over time.
create index incident_group_opened on incident (group_key, opened_at);

create table incident_alert (
  incident_id    uuid         not null references incident (id) on delete cascade,
  fingerprint    varchar(200) not null,
  alert_name     varchar(300),
  severity       varchar(20)  not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
  status         varchar(20)  not null check (status in ('FIRING', 'RESOLVED')),
  summary        text,
  labels         jsonb        not null default '{}'::jsonb,
  first_fired_at timestamptz  not null,
  last_fired_at  timestamptz  not null,
  resolved_at    timestamptz,
  primary key (incident_id, fingerprint)
);

-- AlertResolved is looked up by fingerprint among firing alerts.
create index incident_alert_firing on incident_alert (fingerprint) where status = 'FIRING';

create table timeline_entry (
  id                bigserial    primary key,
  incident_id       uuid         not null references incident (id) on delete cascade,
  at                timestamptz  not null,
  kind              varchar(50)  not null,
  actor             varchar(200) not null,
  message           text         not null,
  alert_fingerprint varchar(200)
);

create index timeline_entry_by_incident on timeline_entry (incident_id, id);
