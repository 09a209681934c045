-- Correlation by component (issue 6): an alert of another group can join an open incident, so
-- each attached alert remembers its own group. Alerts of that group then go to the incident they
-- joined, and the group's lookup finds it through this column.
alter table incident_alert add column group_key varchar(500);
update incident_alert a set group_key = i.group_key from incident i where i.id = a.incident_id;
create index incident_alert_by_group on incident_alert (group_key);
