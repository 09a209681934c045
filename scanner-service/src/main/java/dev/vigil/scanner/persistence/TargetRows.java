package dev.vigil.scanner.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Target definitions written many at a time: one JDBC batch per call, inside the caller's
 * transaction. Target intake (the targets topic and the bulk import) goes through here; at one
 * statement and one transaction per target it managed only 15-30 definitions a second.
 */
@ApplicationScoped
public class TargetRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  /*
   * Same upsert as TargetRepository.upsertDefinition, except that a row already holding this very
   * definition is left alone: a replay of the compacted topic after a rebalance or restart then
   * writes nothing (no dead tuple, no WAL), and neither does this replica's consumer when it reads
   * back a definition the REST API has just stored.
   */
  private static final String UPSERT =
      """
      insert into scan_target (id, host, port, server_name, labels, interval_seconds,
                               registered_by, created_at, updated_at, last_findings,
                               starttls, all_addresses, warning_days, critical_days,
                               lifetime_percent)
      values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, '[]'::jsonb, ?, ?, ?, ?, ?)
      on conflict (id) do update set host = excluded.host, port = excluded.port,
          server_name = excluded.server_name, labels = excluded.labels,
          starttls = excluded.starttls, all_addresses = excluded.all_addresses,
          interval_seconds = excluded.interval_seconds,
          registered_by = excluded.registered_by, updated_at = excluded.updated_at,
          warning_days = excluded.warning_days, critical_days = excluded.critical_days,
          lifetime_percent = excluded.lifetime_percent
      where (scan_target.host, scan_target.port, scan_target.server_name, scan_target.labels,
             scan_target.starttls, scan_target.all_addresses, scan_target.interval_seconds,
             scan_target.registered_by, scan_target.updated_at, scan_target.warning_days,
             scan_target.critical_days, scan_target.lifetime_percent)
          is distinct from
            (excluded.host, excluded.port, excluded.server_name, excluded.labels,
             excluded.starttls, excluded.all_addresses, excluded.interval_seconds,
             excluded.registered_by, excluded.updated_at, excluded.warning_days,
             excluded.critical_days, excluded.lifetime_percent)
      """;

  private final EntityManager em;

  public TargetRows(EntityManager em) {
    this.em = em;
  }

  /** One target definition as stored; {@code at} is both its creation and its update time. */
  public record Row(
      String id,
      String host,
      int port,
      String serverName,
      String starttls,
      boolean allAddresses,
      Map<String, String> labels,
      Long intervalSeconds,
      String registeredBy,
      Instant at,
      Integer warningDays,
      Integer criticalDays,
      Integer lifetimePercent) {}

  /** Inserts or updates every row in one JDBC batch; needs the caller's transaction. */
  public void upsertAll(Collection<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                for (Row r : rows) {
                  OffsetDateTime at = r.at().atOffset(ZoneOffset.UTC);
                  ps.setString(1, r.id());
                  ps.setString(2, r.host());
                  ps.setInt(3, r.port());
                  ps.setString(4, r.serverName());
                  ps.setString(5, json(r.labels()));
                  setLong(ps, 6, r.intervalSeconds());
                  ps.setString(7, r.registeredBy());
                  ps.setObject(8, at);
                  ps.setObject(9, at);
                  ps.setString(10, r.starttls());
                  ps.setBoolean(11, r.allAddresses());
                  setInt(ps, 12, r.warningDays());
                  setInt(ps, 13, r.criticalDays());
                  setInt(ps, 14, r.lifetimePercent());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  /** Deletes these targets in one statement; returns how many existed. */
  public int deleteAll(List<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement ps =
                  connection.prepareStatement("delete from scan_target where id = any(?)")) {
                ps.setArray(1, connection.createArrayOf("text", ids.toArray()));
                return ps.executeUpdate();
              }
            });
  }

  private static void setLong(PreparedStatement ps, int index, Long value)
      throws java.sql.SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static void setInt(PreparedStatement ps, int index, Integer value)
      throws java.sql.SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static String json(Map<String, String> labels) {
    try {
      return JSON.writeValueAsString(labels == null ? Map.of() : labels);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
