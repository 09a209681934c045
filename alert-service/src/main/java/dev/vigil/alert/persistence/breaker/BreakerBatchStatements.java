package dev.vigil.alert.persistence.breaker;

import dev.vigil.alert.domain.breaker.BreakerStatus;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaker intake's statements for a whole batch of scopes: a fixed number of round trips per
 * Kafka poll instead of about six per scope (lock, firing alerts, state, history, outbox). Under a
 * burst the per-scope round trips were the breakers' whole cost (8–10 decisions/s on a loaded
 * machine). Call inside a transaction: the connection joins it. The history rows of a batch go
 * through {@code BreakerHistoryRepository.recordAll}, the outbox rows through the platform's {@code
 * Outbox.enqueueAll}.
 */
@ApplicationScoped
public class BreakerBatchStatements {

  // Locks are taken in (breaker, scope) byte order, the order of Key.compareTo for the ASCII names
  // and scopes used in practice, so two intakes (two replicas) never wait on each other in a cycle.
  private static final String ORDER = " order by breaker collate \"C\", scope collate \"C\"";

  /** A membership to add: this alert fires in this scope. */
  public record Member(Key key, FiringAlert alert) {}

  /** A state row to write. */
  public record StateWrite(Key key, BreakerStatus status, Instant nextCheckAt) {}

  private final AgroalDataSource ds;

  public BreakerBatchStatements(AgroalDataSource ds) {
    this.ds = ds;
  }

  /** Adds memberships (one statement); present ones stay as they are. */
  public void addAlerts(List<Member> members, Instant now) {
    if (members.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into breaker_alert (breaker, scope, fingerprint, alert_name, since)"
                    + " select b, s, f, n, ? from unnest(?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::varchar[]) as t(b, s, f, n) on conflict do nothing")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setArray(2, array(c, members.stream().map(m -> m.key().breaker()).toList()));
      ps.setArray(3, array(c, members.stream().map(m -> m.key().scope()).toList()));
      ps.setArray(4, array(c, members.stream().map(m -> m.alert().fingerprint()).toList()));
      ps.setArray(5, array(c, members.stream().map(m -> m.alert().alertName()).toList()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }

  /**
   * Creates the missing scope rows (closed, sequence 0) and locks all of them until the transaction
   * ends, in key order (two statements).
   */
  public List<Row> lockAll(Collection<Key> keys, Instant now) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Key> sorted = keys.stream().sorted().distinct().toList();
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into breaker_state (breaker, scope, state, since, sequence, updated_at)"
                  + " select b, s, 'CLOSED', ?, 0, ? from unnest(?::varchar[], ?::varchar[])"
                  + " as t(b, s) order by b collate \"C\", s collate \"C\" on conflict do nothing")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setArray(3, array(c, sorted.stream().map(Key::breaker).toList()));
        ps.setArray(4, array(c, sorted.stream().map(Key::scope).toList()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              BreakerStateRepository.SELECT
                  + " where (breaker, scope) in (select * from unnest(?::varchar[],"
                  + " ?::varchar[]))"
                  + ORDER
                  + " for update")) {
        ps.setArray(1, array(c, sorted.stream().map(Key::breaker).toList()));
        ps.setArray(2, array(c, sorted.stream().map(Key::scope).toList()));
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(BreakerStateRepository.row(rs));
          }
        }
        return rows;
      }
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }

  /** The matching alerts firing in each of these scopes, oldest first (one statement). */
  public Map<Key, List<FiringAlert>> firing(Collection<Key> keys) {
    Map<Key, List<FiringAlert>> out = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select breaker, scope, fingerprint, alert_name from breaker_alert where"
                    + " (breaker, scope) in (select * from unnest(?::varchar[], ?::varchar[]))"
                    + " order by breaker, scope, since, fingerprint")) {
      ps.setArray(1, array(c, keys.stream().map(Key::breaker).toList()));
      ps.setArray(2, array(c, keys.stream().map(Key::scope).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
              .add(new FiringAlert(rs.getString(3), rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }

  /** Writes the state rows (one JDBC batch). */
  public void saveAll(List<StateWrite> writes, Instant now) {
    if (writes.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(BreakerStateRepository.UPDATE)) {
      for (StateWrite w : writes) {
        BreakerStateRepository.bindSave(ps, w.key(), w.status(), w.nextCheckAt(), now);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e.getNextException() != null ? e.getNextException() : e);
    }
  }

  private static java.sql.Array array(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("varchar", values.toArray(String[]::new));
  }
}
