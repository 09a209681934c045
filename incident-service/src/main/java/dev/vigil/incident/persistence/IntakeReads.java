package dev.vigil.incident.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.AlertCounts;
import dev.vigil.incident.domain.AlertStatus;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentAlert;
import dev.vigil.incident.domain.intake.IntakeUnit;
import dev.vigil.incident.domain.sla.ComponentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Loads an {@link IntakeUnit}: everything one batch of alert events can touch, in a handful of
 * set-based statements (plain JDBC on the transaction's connection: no entities to map and
 * dirty-check, no auto-flush), instead of several look-ups per event.
 */
@ApplicationScoped
public class IntakeReads {

  /**
   * What a batch needs.
   *
   * @param groups groups of the batch's AlertFired events
   * @param firing fingerprints of its AlertResolved events (looked up among firing alerts)
   * @param fingerprints every fingerprint the batch names
   * @param joinComponents components the batch's AlertFired events affect (empty: no joining)
   * @param openedFrom join candidates opened before this are not loaded
   */
  public record Needs(
      Set<String> groups,
      Set<String> firing,
      Set<String> fingerprints,
      Set<String> joinComponents,
      Instant openedFrom,
      int maxAlerts,
      int candidatesPerComponent) {}

  private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

  private static final String INCIDENT_COLUMNS =
      "id, group_key, title, severity, status, labels, opened_at, updated_at, resolved_at,"
          + " resolved_by, acknowledged_at, acknowledged_by, version, critical_alerts,"
          + " warning_alerts, info_alerts, firing_alerts, last_alert_resolved_at";

  static final String ALERT_COLUMNS =
      "incident_id, fingerprint, alert_name, severity, status, summary, labels, first_fired_at,"
          + " last_fired_at, resolved_at, group_key";

  private final EntityManager em;
  private final ObjectMapper json;

  public IntakeReads(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** The unit for a batch (the caller holds the batch's group locks and the transaction). */
  public IntakeUnit load(Needs needs) {
    IntakeUnit unit = new IntakeUnit();
    run(
        c -> {
          Set<UUID> ids = new LinkedHashSet<>();
          if (!needs.groups().isEmpty()) {
            groupIncidents(c, needs.groups(), ids);
          }
          if (!needs.firing().isEmpty()) {
            ids.addAll(
                uuids(
                    c,
                    "select distinct a.incident_id from incident_alert a join incident i"
                        + " on i.id = a.incident_id where a.fingerprint = any(?)"
                        + " and a.status = 'FIRING' and i.status <> 'RESOLVED'",
                    c.createArrayOf("varchar", needs.firing().toArray())));
          }
          Map<String, List<UUID>> candidates = new HashMap<>();
          if (!needs.joinComponents().isEmpty()) {
            candidates =
                candidates(
                    c,
                    needs.joinComponents(),
                    needs.openedFrom(),
                    needs.maxAlerts(),
                    needs.candidatesPerComponent(),
                    Set.of());
            candidates.values().forEach(ids::addAll);
          }
          loadIncidents(c, unit, ids, needs.fingerprints());
          for (String component : needs.joinComponents()) {
            List<UUID> found = candidates.getOrDefault(component, List.of());
            unit.addCandidates(component, found, found.size() >= needs.candidatesPerComponent());
          }
        });
    return unit;
  }

  /**
   * More join candidates (opened at or after {@code openedFrom}) for a component whose loaded ones
   * the batch has used up.
   */
  public void moreCandidates(IntakeUnit unit, String componentId, Needs needs, Instant openedFrom) {
    run(
        c -> {
          List<UUID> found =
              candidates(
                      c,
                      Set.of(componentId),
                      openedFrom,
                      needs.maxAlerts(),
                      needs.candidatesPerComponent(),
                      unit.known())
                  .getOrDefault(componentId, List.of());
          loadIncidents(c, unit, new LinkedHashSet<>(found), needs.fingerprints());
          unit.addCandidates(componentId, found, found.size() >= needs.candidatesPerComponent());
        });
  }

  /** The groups' open incidents, own or joined, and their last resolved ones. */
  private void groupIncidents(Connection c, Set<String> groupKeys, Set<UUID> ids)
      throws SQLException {
    Array groups = c.createArrayOf("varchar", groupKeys.toArray());
    ids.addAll(
        uuids(
            c,
            "select id from incident where group_key = any(?) and status <> 'RESOLVED'"
                + " union all (select distinct on (group_key) id from incident"
                + " where group_key = any(?) and status = 'RESOLVED'"
                + " order by group_key, resolved_at desc)",
            groups,
            groups));
    ids.addAll(
        uuids(
            c,
            "select distinct a.incident_id from incident_alert a join incident i"
                + " on i.id = a.incident_id where a.group_key = any(?)"
                + " and i.status <> 'RESOLVED'",
            groups));
  }

  /** The oldest joinable open incidents per component (what findJoinable filters), not in skip. */
  private Map<String, List<UUID>> candidates(
      Connection c,
      Set<String> components,
      Instant openedFrom,
      int maxAlerts,
      int limit,
      Set<UUID> skip)
      throws SQLException {
    Map<String, List<UUID>> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select component_id, id from (select c.component_id, i.id, row_number() over"
                + " (partition by c.component_id order by i.opened_at, i.id) as n"
                + " from component_impact c join incident i on i.id = c.incident_id"
                + " where c.ended_at is null and c.component_id = any(?)"
                + " and i.status <> 'RESOLVED' and i.opened_at >= ?"
                + " and i.critical_alerts + i.warning_alerts + i.info_alerts < ?"
                + " and i.id <> all(?)) x where n <= ?")) {
      ps.setArray(1, c.createArrayOf("varchar", components.toArray()));
      ps.setObject(2, IntakeWrites.time(openedFrom));
      ps.setInt(3, maxAlerts);
      ps.setArray(4, c.createArrayOf("uuid", skip.toArray()));
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getObject(2, UUID.class));
        }
      }
    }
    return out;
  }

  /** Loads incidents not yet in the unit: rows, alerts, alert groups and impact segments. */
  private void loadIncidents(
      Connection c, IntakeUnit unit, Set<UUID> wanted, Set<String> fingerprints)
      throws SQLException {
    List<UUID> ids = wanted.stream().filter(id -> !unit.knows(id)).toList();
    if (ids.isEmpty()) {
      return;
    }
    Array idArray = c.createArrayOf("uuid", ids.toArray());
    Map<UUID, List<IncidentAlert>> alerts = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + ALERT_COLUMNS
                + " from incident_alert where incident_id = any(?)"
                + " and (status = 'FIRING' or fingerprint = any(?))"
                + " order by first_fired_at, fingerprint")) {
      ps.setArray(1, idArray);
      ps.setArray(2, c.createArrayOf("varchar", fingerprints.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(alert(rs));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("select " + INCIDENT_COLUMNS + " from incident where id = any(?)")) {
      ps.setArray(1, idArray);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          unit.addIncident(incident(rs, alerts.getOrDefault(id, List.of())), rs.getLong(13));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select distinct incident_id, group_key from incident_alert"
                + " where incident_id = any(?) and group_key is not null")) {
      ps.setArray(1, idArray);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unit.addAlertGroup(rs.getObject(1, UUID.class), rs.getString(2));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, incident_id, component_id, status, started_at, ended_at"
                + " from component_impact where incident_id = any(?) order by id")) {
      ps.setArray(1, idArray);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unit.impacts()
              .add(
                  rs.getLong(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  ComponentStatus.valueOf(rs.getString(4)),
                  instant(rs, 5),
                  instant(rs, 6));
        }
      }
    }
  }

  private Incident incident(ResultSet rs, List<IncidentAlert> loaded) throws SQLException {
    return Incident.restore(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        Severity.valueOf(rs.getString(4)),
        IncidentStatus.valueOf(rs.getString(5)),
        labels(rs.getString(6)),
        instant(rs, 7),
        instant(rs, 8),
        instant(rs, 9),
        rs.getString(10),
        instant(rs, 11),
        rs.getString(12),
        new AlertCounts(
            rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17), instant(rs, 18)),
        loaded,
        Set.of());
  }

  private IncidentAlert alert(ResultSet rs) throws SQLException {
    return new IncidentAlert(
        rs.getString(2),
        rs.getString(3),
        Severity.valueOf(rs.getString(4)),
        AlertStatus.valueOf(rs.getString(5)),
        rs.getString(6),
        labels(rs.getString(7)),
        instant(rs, 8),
        instant(rs, 9),
        instant(rs, 10),
        rs.getString(11));
  }

  private Map<String, String> labels(String value) {
    if (value == null) {
      return Map.of();
    }
    try {
      return json.readValue(value, LABELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable labels in the database", e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static List<UUID> uuids(Connection c, String sql, Object... params) throws SQLException {
    List<UUID> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return out;
  }

  interface Work {
    void run(Connection c) throws SQLException;
  }

  void run(Work work) {
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try {
                work.run(c);
              } catch (SQLException e) {
                // A JDBC batch reports the statement's own error as its next exception.
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                throw new PersistenceException("alert intake: " + cause.getMessage(), cause);
              }
            });
  }
}
