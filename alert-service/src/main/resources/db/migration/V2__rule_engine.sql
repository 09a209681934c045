-- Issue 5, rule engine: pending alerts, timers, history, no-data tracking, rules stored via REST.

alter table alert drop constraint alert_status_check;
alter table alert add constraint alert_status_check
  check (status in ('FIRING', 'RESOLVED', 'PENDING', 'INACTIVE'));
-- CloudEvent type the alert's rule reads; alerts of one source and entity are reconciled together.
alter table alert add column source varchar(200);
update alert set source = 'dev.vigil.certificate.scanned.v1' where source is null;
alter table alert alter column source set not null;
-- Since when the condition holds (start of PENDING); the for clock.
alter table alert add column active_at timestamptz;
-- Since when a firing alert has recovered; the keep_firing_for clock.
alter table alert add column recovering_since timestamptz;
-- Alerts posted to /api/v2/alerts resolve at endsAt unless posted again (as in Alertmanager).
alter table alert add column ends_at timestamptz;

drop index alert_target_idx;
create index alert_entity_idx on alert (target_id, source);
-- The timer sweep reads only alerts with a running clock.
create index alert_timers_idx on alert (fingerprint)
  where status = 'PENDING' or recovering_since is not null or ends_at is not null;

-- Every state change of every alert, append-only.
create table alert_history (
  id          bigserial     primary key,
  fingerprint varchar(64)   not null,
  alert_name  varchar(200)  not null,
  transition  varchar(16)   not null,
  status      varchar(16)   not null,
  severity    varchar(16)   not null,
  at          timestamptz   not null,
  event_id    varchar(200),
  detail      varchar(2000)
);
create index alert_history_fingerprint_idx on alert_history (fingerprint, id);

-- Last observation of every entity (target, provider, subject): the no-data clock.
create table observed_entity (
  source        varchar(200)  not null,
  entity_id     varchar(200)  not null,
  labels        jsonb         not null,
  last_seen_at  timestamptz   not null,
  -- When a no-data alert was last raised for the current silence; older than last_seen_at = none.
  silence_alerted_at timestamptz,
  primary key (source, entity_id)
);
create index observed_entity_seen_idx on observed_entity (source, last_seen_at);

-- Rules created through PUT /api/v1/rules/{name}; they override files and default packs.
create table alert_rule (
  name        varchar(200)  primary key,
  definition  text          not null,
  updated_at  timestamptz   not null,
  version     bigint        not null default 0
);
