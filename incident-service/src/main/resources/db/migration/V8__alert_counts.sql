-- Alert intake performance (issue 6): an alert event used to load and save every alert of its
-- incident to recompute severity and the firing count. The incident keeps running counts instead
-- (dev.vigil.incident.domain.AlertCounts), so an event reads and writes only its own alert row.
alter table incident add column critical_alerts int not null default 0;
alter table incident add column warning_alerts int not null default 0;
alter table incident add column info_alerts int not null default 0;
alter table incident add column firing_alerts int not null default 0;
alter table incident add column last_alert_resolved_at timestamptz;

update incident i set
  critical_alerts = c.critical,
  warning_alerts = c.warning,
  info_alerts = c.info,
  firing_alerts = c.firing,
  last_alert_resolved_at = c.last_resolved
from (
  select incident_id,
         count(*) filter (where severity = 'CRITICAL') as critical,
         count(*) filter (where severity = 'WARNING') as warning,
         count(*) filter (where severity = 'INFO') as info,
         count(*) filter (where status = 'FIRING') as firing,
         max(resolved_at) as last_resolved
  from incident_alert group by incident_id
) c
where c.incident_id = i.id;

alter table incident add constraint incident_alert_counts_non_negative
  check (critical_alerts >= 0 and warning_alerts >= 0 and info_alerts >= 0 and firing_alerts >= 0);

-- The quiet-period sweep now asks for open incidents without firing alerts by this count.
create index incident_open_quiet on incident (updated_at)
  where status <> 'RESOLVED' and firing_alerts = 0;
