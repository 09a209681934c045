-- Responders acknowledge incidents (issue 6); who and when are kept on the incident as well as on
-- its timeline, for MTTA.
alter table incident add column acknowledged_at timestamptz;
alter table incident add column acknowledged_by varchar(200);
alter table incident add constraint incident_acknowledgement_consistent
  check ((acknowledged_at is null) = (acknowledged_by is null));

-- The reopen window looks up a group's most recently resolved incident.
create index incident_group_resolved on incident (group_key, resolved_at desc)
  where status = 'RESOLVED';
-- The quiet-period sweep looks for open incidents.
create index incident_open on incident (updated_at) where status <> 'RESOLVED';
