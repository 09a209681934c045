-- Escalation (issue 6): where each incident's escalation chain stands. One row per incident that
-- ever started a chain; kept after the chain ends so the incident's detail shows how far it went.
-- A restart loses nothing: the sweep of any replica picks due rows up with FOR UPDATE SKIP LOCKED.
create table incident_escalation (
  incident_id       uuid         primary key references incident (id) on delete cascade,
  policy            varchar(200) not null,
  state             varchar(20)  not null check (state in ('PENDING', 'CANCELLED', 'DONE')),
  level             int          not null check (level >= 0),  -- steps escalated in this chain
  next_step         int          not null,                     -- 0-based; -1 unless pending
  due_at            timestamptz,
  triggered_at      timestamptz  not null,                     -- the chain started (open/reopen)
  last_escalated_at timestamptz,
  ended_by          varchar(50),
  constraint incident_escalation_pending_consistent
    check ((state = 'PENDING') = (due_at is not null and next_step >= 0))
);
create index incident_escalation_due on incident_escalation (due_at) where state = 'PENDING';
