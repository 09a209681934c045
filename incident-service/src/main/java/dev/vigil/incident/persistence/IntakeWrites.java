package dev.vigil.incident.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.incident.domain.AlertCounts;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.intake.ImpactLedger;
import dev.vigil.incident.domain.intake.IntakeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes what an intake batch changed ({@link IntakeUnit}) with one JDBC batch per table: incident
 * rows (updates check the row version, as Hibernate's {@code @Version} does, so a concurrent
 * command or replica makes the batch fail with an optimistic-lock error, which is retried), alert
 * rows (upserts), timeline entries, impact segments (ended ones first: the one-open-segment index
 * must never see two). The batch's events go to the outbox through the platform's {@code
 * Outbox.enqueueAll}, in the same transaction.
 */
@ApplicationScoped
public class IntakeWrites {

  private final IntakeReads reads;
  private final ObjectMapper json;

  public IntakeWrites(IntakeReads reads, ObjectMapper json) {
    this.reads = reads;
    this.json = json;
  }

  public void write(IntakeUnit unit) {
    reads.run(
        c -> {
          // Updates first: a stored incident the batch resolved must be resolved before the row
          // of the group's next incident, opened by the batch, meets the one-open-per-group index.
          updateIncidents(c, unit.changedIncidents());
          insertIncidents(c, unit.createdIncidents());
          upsertAlerts(c, unit.changedAlerts());
          appendTimeline(c, unit.timeline());
          writeSegments(c, unit.impacts());
        });
  }

  private void insertIncidents(Connection c, List<Incident> created) throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into incident (title, severity, status, labels, updated_at, resolved_at,"
                + " resolved_by, acknowledged_at, acknowledged_by, critical_alerts,"
                + " warning_alerts, info_alerts, firing_alerts, last_alert_resolved_at,"
                + " id, group_key, opened_at, version)"
                + " values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      for (Incident i : created) {
        bindIncident(ps, i);
        ps.setObject(15, i.id());
        ps.setString(16, i.groupKey());
        ps.setObject(17, time(i.openedAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void updateIncidents(Connection c, List<IntakeUnit.StoredRow> changed)
      throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update incident set title = ?, severity = ?, status = ?, labels = ?::jsonb,"
                + " updated_at = ?, resolved_at = ?, resolved_by = ?, acknowledged_at = ?,"
                + " acknowledged_by = ?, critical_alerts = ?, warning_alerts = ?, info_alerts = ?,"
                + " firing_alerts = ?, last_alert_resolved_at = ?, version = version + 1"
                + " where id = ? and version = ?")) {
      for (IntakeUnit.StoredRow row : changed) {
        bindIncident(ps, row.incident());
        ps.setObject(15, row.incident().id());
        ps.setLong(16, row.version());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new OptimisticLockException(
              "incident " + changed.get(i).incident().id() + " changed concurrently");
        }
      }
    }
  }

  private void bindIncident(PreparedStatement ps, Incident i) throws SQLException {
    AlertCounts counts = i.alertCounts();
    ps.setString(1, i.title());
    ps.setString(2, i.severity().name());
    ps.setString(3, i.status().name());
    ps.setString(4, labels(i.labels()));
    ps.setObject(5, time(i.updatedAt()));
    setTime(ps, 6, i.resolvedAt());
    ps.setString(7, i.resolvedBy());
    setTime(ps, 8, i.acknowledgedAt());
    ps.setString(9, i.acknowledgedBy());
    ps.setInt(10, counts.critical());
    ps.setInt(11, counts.warning());
    ps.setInt(12, counts.info());
    ps.setInt(13, counts.firing());
    setTime(ps, 14, counts.lastResolvedAt());
  }

  private void upsertAlerts(Connection c, List<IntakeUnit.AlertRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into incident_alert ("
                + IntakeReads.ALERT_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
                + " on conflict (incident_id, fingerprint) do update set"
                + " alert_name = excluded.alert_name, severity = excluded.severity,"
                + " status = excluded.status, summary = excluded.summary,"
                + " labels = excluded.labels, first_fired_at = excluded.first_fired_at,"
                + " last_fired_at = excluded.last_fired_at, resolved_at = excluded.resolved_at,"
                + " group_key = excluded.group_key")) {
      for (IntakeUnit.AlertRow row : rows) {
        IncidentAlert a = row.alert();
        ps.setObject(1, row.incidentId());
        ps.setString(2, a.fingerprint());
        ps.setString(3, a.alertName());
        ps.setString(4, a.severity().name());
        ps.setString(5, a.status().name());
        ps.setString(6, a.summary());
        ps.setString(7, labels(a.labels()));
        ps.setObject(8, time(a.firstFiredAt()));
        ps.setObject(9, time(a.lastFiredAt()));
        setTime(ps, 10, a.resolvedAt());
        ps.setString(11, a.groupKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void appendTimeline(Connection c, List<IntakeUnit.TimelineRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    // Ids come from the column's sequence in insertion order, which is the order of the entries.
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into timeline_entry (incident_id, at, kind, actor, message,"
                + " alert_fingerprint) values (?, ?, ?, ?, ?, ?)")) {
      for (IntakeUnit.TimelineRow row : rows) {
        ps.setObject(1, row.incidentId());
        ps.setObject(2, time(row.entry().at()));
        ps.setString(3, row.entry().kind().name());
        ps.setString(4, row.entry().actor());
        ps.setString(5, row.entry().message());
        ps.setString(6, row.entry().alertFingerprint());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeSegments(Connection c, ImpactLedger ledger) throws SQLException {
    List<ImpactLedger.Segment> ended = ledger.ended();
    if (!ended.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("update component_impact set ended_at = ? where id = ?")) {
        for (ImpactLedger.Segment s : ended) {
          ps.setObject(1, time(s.endedAt()));
          ps.setLong(2, s.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    List<ImpactLedger.Segment> started = ledger.started();
    if (!started.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into component_impact (incident_id, component_id, status, started_at,"
                  + " ended_at) values (?, ?, ?, ?, ?)")) {
        for (ImpactLedger.Segment s : started) {
          ps.setObject(1, s.incidentId());
          ps.setString(2, s.componentId());
          ps.setString(3, s.status().name());
          ps.setObject(4, time(s.startedAt()));
          setTime(ps, 5, s.endedAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private String labels(Map<String, String> labels) {
    try {
      return json.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write labels", e);
    }
  }

  static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP); // typed by the column
    } else {
      ps.setObject(index, time(value));
    }
  }
}
