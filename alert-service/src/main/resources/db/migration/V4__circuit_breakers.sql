-- Circuit breakers (risk controls). The breaker pipeline reads the alerts topic with its own
-- consumer group; everything it decides is in these tables and in the outbox, in one transaction.

-- Breaker definitions stored through the REST API; they override the shipped pack by name.
create table breaker_definition (
  name        varchar(100)  primary key,
  definition  text          not null,   -- the definition as given (YAML or JSON), re-parsed on load
  updated_at  timestamptz   not null
);

-- One row per breaker and scope ever seen. Never deleted: sequence must keep increasing for the
-- consumers' stale-event check. The row lock (select ... for update [skip locked]) serialises the
-- alert intake and the timer sweep of both replicas on one scope.
create table breaker_state (
  breaker          varchar(100)  not null,
  scope            varchar(300)  not null,
  state            varchar(16)   not null check (state in ('CLOSED', 'OPEN', 'HALF_OPEN')),
  since            timestamptz   not null,
  opened_at        timestamptz,
  sequence         bigint        not null default 0,
  next_check_at    timestamptz,               -- min_open / healthy period / override expiry
  override_state   varchar(16)   check (override_state in ('CLOSED', 'OPEN')),
  override_by      varchar(200),
  override_reason  varchar(2000),
  override_at      timestamptz,
  override_until   timestamptz,
  updated_at       timestamptz   not null,
  primary key (breaker, scope)
);
create index breaker_state_due_idx on breaker_state (next_check_at) where next_check_at is not null;

-- Matching alerts firing now, per breaker and scope.
create table breaker_alert (
  breaker      varchar(100)  not null,
  scope        varchar(300)  not null,
  fingerprint  varchar(64)   not null,
  alert_name   varchar(200)  not null,
  since        timestamptz   not null,
  primary key (breaker, scope, fingerprint)
);
create index breaker_alert_fp_idx on breaker_alert (fingerprint);

-- Every change, as published.
create table breaker_transition (
  id          bigserial      primary key,
  breaker     varchar(100)   not null,
  scope       varchar(300)   not null,
  sequence    bigint         not null,
  from_state  varchar(16)    not null,
  to_state    varchar(16)    not null,
  cause       varchar(32)    not null,
  actor       varchar(200)   not null,
  reason      varchar(4000),
  alerts      jsonb          not null,   -- [{"fingerprint": ..., "alertName": ...}]
  at          timestamptz    not null,
  unique (breaker, scope, sequence)
);
