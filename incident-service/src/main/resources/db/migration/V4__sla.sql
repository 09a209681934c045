-- SLA promises per customer tier (issue 6). An empty component list means every component.
create table sla_tier (
  tier           varchar(100)  primary key,
  target_percent numeric(7, 4) not null check (target_percent > 0 and target_percent <= 100),
  credits        jsonb         not null,
  components     jsonb         not null,
  updated_at     timestamptz   not null
);

-- Reporting periods already closed: ServiceCreditsComputed is announced once per period, also
-- with several replicas (the primary key settles a race).
create table sla_period (
  period_id    varchar(100) primary key,
  period_start timestamptz  not null,
  period_end   timestamptz  not null,
  computed_at  timestamptz  not null
);
