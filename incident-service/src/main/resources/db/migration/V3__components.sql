-- Components customers see on the status page; alerts map to them by labels (issue 6).
create table component (
  id          varchar(100) primary key,
  name        varchar(200) not null,
  description text         not null default '',
  position    integer      not null default 0,
  match       jsonb        not null,
  impact      jsonb        not null,
  created_at  timestamptz  not null,
  updated_at  timestamptz  not null
);

-- Which component an incident held at which status, and for how long: uptime is computed from
-- these segments. No foreign key to component: history outlives a deleted component.
create table component_impact (
  id           bigserial    primary key,
  incident_id  uuid         not null references incident (id) on delete cascade,
  component_id varchar(100) not null,
  status       varchar(30)  not null
    check (status in ('DEGRADED_PERFORMANCE', 'PARTIAL_OUTAGE', 'MAJOR_OUTAGE')),
  started_at   timestamptz  not null,
  ended_at     timestamptz,
  check (ended_at is null or ended_at >= started_at)
);

create unique index component_impact_one_open
  on component_impact (incident_id, component_id) where ended_at is null;
create index component_impact_open_by_component
  on component_impact (component_id) where ended_at is null;
create index component_impact_history on component_impact (component_id, started_at);
create index component_impact_by_incident on component_impact (incident_id);

-- Announced maintenance windows: shown on the status page, excluded from uptime.
create table maintenance (
  id          uuid         primary key,
  title       varchar(300) not null,
  body        text         not null default '',
  components  jsonb        not null,
  starts_at   timestamptz  not null,
  ends_at     timestamptz  not null,
  created_by  varchar(200) not null,
  created_at  timestamptz  not null,
  check (ends_at > starts_at)
);

create index maintenance_by_time on maintenance (ends_at, starts_at);
