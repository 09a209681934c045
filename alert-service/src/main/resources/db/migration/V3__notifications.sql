-- Notification pipeline (Alertmanager semantics). Separate from the rule engine's tables: the
-- notifier builds its own view of active alerts from the alerts topic.

-- Latest state of every alert the notifier knows; resolved rows leave once no group holds them.
create table notify_alert (
  fingerprint   varchar(64)   primary key,
  labels        jsonb         not null,
  annotations   jsonb         not null,
  starts_at     timestamptz   not null,
  ends_at       timestamptz,                 -- null while firing
  generator_url varchar(2000),
  event_time    timestamptz   not null,      -- time of the event that set this state; older events are ignored
  updated_at    timestamptz   not null
);
-- Inhibition looks up firing sources.
create index notify_alert_firing_idx on notify_alert (fingerprint) where ends_at is null;

-- Aggregation groups: one per (route, group labels). next_flush_at drives the scheduler; the
-- row lock (select ... for update skip locked) makes one replica at a time flush a group.
create table notify_group (
  group_id         varchar(64)    primary key,
  route_id         varchar(4000)  not null,
  receiver         varchar(200)   not null,
  group_key        varchar(4000)  not null,
  group_labels     jsonb          not null,
  created_at       timestamptz    not null,
  next_flush_at    timestamptz,
  last_flush_at    timestamptz,
  flush_seq        bigint         not null default 0,
  -- Alertmanager's notification-log entry: what the receiver was last told, and when.
  sent_firing      jsonb,
  sent_resolved    jsonb,
  sent_at          timestamptz
);
create index notify_group_due_idx on notify_group (next_flush_at) where next_flush_at is not null;

create table notify_group_alert (
  group_id    varchar(64) not null references notify_group (group_id) on delete cascade,
  fingerprint varchar(64) not null,
  primary key (group_id, fingerprint)
);
create index notify_group_alert_fp_idx on notify_group_alert (fingerprint);

-- Alertmanager silences, plus Vigil's expire_when_resolved.
create table silence (
  id                   uuid          primary key,
  matchers             jsonb         not null,
  starts_at            timestamptz   not null,
  ends_at              timestamptz   not null,
  created_by           varchar(200)  not null,
  comment              varchar(4000) not null,
  updated_at           timestamptz   not null,
  expire_when_resolved boolean       not null default false,
  check (ends_at >= starts_at)
);
create index silence_ends_idx on silence (ends_at);

-- One row per notification to one integration. The unique key is claimed (insert ... on conflict
-- do nothing) in the same transaction that advances the group, before anything is sent: a flush
-- that committed is sent by exactly one replica; a flush that did not commit never happened.
create table notification_log (
  id             bigserial      primary key,
  group_id       varchar(64)    not null,
  flush_seq      bigint         not null,
  receiver       varchar(200)   not null,
  integration    varchar(64)    not null,   -- kind + index in the receiver, e.g. webhook/0
  alerts_hash    varchar(64)    not null,   -- firing and resolved fingerprints of this notification
  group_key      varchar(4000)  not null,
  status         varchar(16)    not null check (status in ('PENDING', 'SENT', 'FAILED')),
  firing_count   int            not null,
  resolved_count int            not null,
  content        jsonb          not null,   -- the notification without any secret; the body is rebuilt from it
  attempts       int            not null default 0,
  created_at     timestamptz    not null,
  lease_until    timestamptz    not null,   -- a pending row past its lease is retried by any replica
  finished_at    timestamptz,
  last_error     varchar(1000),
  unique (group_id, receiver, integration, flush_seq, alerts_hash)
);
create index notification_log_pending_idx on notification_log (lease_until) where status = 'PENDING';
create index notification_log_created_idx on notification_log (created_at desc);
