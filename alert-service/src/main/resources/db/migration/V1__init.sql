
-- One row per alert identity (fingerprint = hash of the labels). Resolved rows stay as history.
create table alert (
  fingerprint   varchar(64)   primary key,
  alert_name    varchar(200)  not null,
  target_id     varchar(200)  not null,
  severity      varchar(16)   not null check (severity in ('INFO', 'WARNING', 'CRITICAL')),
  status        varchar(16)   not null check (status in ('FIRING', 'RESOLVED')),
  labels        jsonb         not null,
  annotations   jsonb         not null,
  group_key     varchar(2000) not null,
  value         double precision,
  starts_at     timestamptz   not null,
  updated_at    timestamptz   not null,
  resolved_at   timestamptz,
  last_event_id varchar(200)  not null,
  version       bigint        not null default 0,
  check ((status = 'RESOLVED') = (resolved_at is not null))
);

-- A scan loads the alerts of its target.
create index alert_target_idx on alert (target_id, alert_name);
-- GET /api/v1/alerts lists by status, newest first.
create index alert_status_starts_idx on alert (status, starts_at desc);
