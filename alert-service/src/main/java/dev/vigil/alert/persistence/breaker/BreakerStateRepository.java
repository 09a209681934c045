package dev.vigil.alert.persistence.breaker;

import dev.vigil.alert.domain.breaker.BreakerStatus;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.events.BreakerState;
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
import java.util.List;
import java.util.Optional;

/**
 * Breaker state per scope and the matching alerts firing in it. Plain JDBC like the notifier's
 * repositories: the work is {@code on conflict} inserts, {@code delete ... returning} and row
 * locks, which read better as SQL. Call inside a transaction (the connection joins it).
 */
@ApplicationScoped
public class BreakerStateRepository {

  private static final String COLUMNS =
      "breaker, scope, state, since, opened_at, sequence, next_check_at, override_state,"
          + " override_by, override_reason, override_at, override_until";

  static final String SELECT = "select " + COLUMNS + " from breaker_state";

  static final String UPDATE =
      "update breaker_state set state = ?, since = ?, opened_at = ?, sequence = ?,"
          + " next_check_at = ?, override_state = ?, override_by = ?, override_reason = ?,"
          + " override_at = ?, override_until = ?, updated_at = ? where breaker = ? and scope = ?";

  /** One stored row. */
  public record Row(String breaker, String scope, BreakerStatus status, Instant nextCheckAt) {}

  /** A breaker scope: the unit of locking and of {@code RiskControlChanged} sequences. */
  public record Key(String breaker, String scope) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = breaker.compareTo(o.breaker);
      return c != 0 ? c : scope.compareTo(o.scope);
    }
  }

  private final AgroalDataSource ds;

  public BreakerStateRepository(AgroalDataSource ds) {
    this.ds = ds;
  }

  /**
   * Forgets these fingerprints everywhere (one statement for a whole batch: most alerts concern no
   * breaker, and a round trip each would be the breakers' main cost); returns the scopes they held.
   */
  public List<Key> removeAlerts(Collection<String> fingerprints) {
    List<Key> keys = new ArrayList<>();
    if (fingerprints.isEmpty()) {
      return keys;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "delete from breaker_alert where fingerprint = any(?) returning breaker, scope")) {
      ps.setArray(1, c.createArrayOf("varchar", fingerprints.toArray(String[]::new)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(new Key(rs.getString(1), rs.getString(2)));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  public void addAlert(Key key, FiringAlert alert, Instant now) {
    update(
        "insert into breaker_alert (breaker, scope, fingerprint, alert_name, since)"
            + " values (?, ?, ?, ?, ?) on conflict do nothing",
        key.breaker(),
        key.scope(),
        alert.fingerprint(),
        alert.alertName(),
        Timestamp.from(now));
  }

  /** The matching alerts firing in a scope, oldest first. */
  public List<FiringAlert> firing(Key key) {
    List<FiringAlert> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select fingerprint, alert_name from breaker_alert where breaker = ? and scope = ?"
                    + " order by since, fingerprint")) {
      ps.setString(1, key.breaker());
      ps.setString(2, key.scope());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new FiringAlert(rs.getString(1), rs.getString(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  /**
   * Creates the scope's row if needed (closed, sequence 0) and locks it until the transaction ends.
   * Callers lock several scopes in {@link Key} order, so two transactions never deadlock.
   */
  public Row lock(Key key, Instant now) {
    update(
        "insert into breaker_state (breaker, scope, state, since, sequence, updated_at)"
            + " values (?, ?, 'CLOSED', ?, 0, ?) on conflict do nothing",
        key.breaker(),
        key.scope(),
        Timestamp.from(now),
        Timestamp.from(now));
    return query(
            "select " + COLUMNS + " from breaker_state where breaker = ? and scope = ? for update",
            key.breaker(),
            key.scope())
        .get(0);
  }

  /**
   * Locks up to {@code limit} scopes whose next check is due, skipping those another replica (or
   * the intake) holds: they are looked at on the next sweep.
   */
  public List<Row> lockDue(Instant now, int limit) {
    return query(
        "select "
            + COLUMNS
            + " from breaker_state where next_check_at <= ? order by next_check_at limit ?"
            + " for update skip locked",
        Timestamp.from(now),
        limit);
  }

  public Optional<Row> find(Key key) {
    return query(
            "select " + COLUMNS + " from breaker_state where breaker = ? and scope = ?",
            key.breaker(),
            key.scope())
        .stream()
        .findFirst();
  }

  /** Every scope of the given breakers (all breakers when empty), by breaker and scope. */
  public List<Row> all(Collection<String> breakers) {
    if (breakers.isEmpty()) {
      return query("select " + COLUMNS + " from breaker_state order by breaker, scope");
    }
    return query(
        "select " + COLUMNS + " from breaker_state where breaker = any(?) order by breaker, scope",
        (Object) breakers.toArray(String[]::new));
  }

  /**
   * Makes the next sweep look at every scope of these breakers that is not plainly closed (open,
   * probing, or overridden), e.g. because their definition changed or came back.
   *
   * @return how many scopes
   */
  public int recheck(Collection<String> breakers, Instant now) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update breaker_state set next_check_at = ? where breaker = any(?) and (state <>"
                    + " 'CLOSED' or override_state is not null)")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setArray(2, c.createArrayOf("varchar", breakers.toArray(String[]::new)));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  public void save(Key key, BreakerStatus s, Instant nextCheckAt, Instant now) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(UPDATE)) {
      bindSave(ps, key, s, nextCheckAt, now);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  static void bindSave(PreparedStatement ps, Key key, BreakerStatus s, Instant next, Instant now)
      throws SQLException {
    ManualOverride o = s.override();
    Object[] args = {
      s.state().name(),
      Timestamp.from(s.since()),
      ts(s.openedAt()),
      s.sequence(),
      ts(next),
      o == null ? null : o.state().name(),
      o == null ? null : o.who(),
      o == null ? null : o.why(),
      o == null ? null : ts(o.at()),
      o == null ? null : ts(o.until()),
      Timestamp.from(now),
      key.breaker(),
      key.scope()
    };
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private List<Row> query(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  private static void bind(Connection c, PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof String[] array) {
        ps.setArray(i + 1, c.createArrayOf("varchar", array));
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
  }

  static Row row(ResultSet rs) throws SQLException {
    String overrideState = rs.getString("override_state");
    ManualOverride o =
        overrideState == null
            ? null
            : new ManualOverride(
                BreakerState.valueOf(overrideState),
                rs.getString("override_by"),
                rs.getString("override_reason"),
                instant(rs.getTimestamp("override_at")),
                instant(rs.getTimestamp("override_until")));
    BreakerStatus status =
        new BreakerStatus(
            BreakerState.valueOf(rs.getString("state")),
            instant(rs.getTimestamp("since")),
            instant(rs.getTimestamp("opened_at")),
            rs.getLong("sequence"),
            o);
    return new Row(
        rs.getString("breaker"),
        rs.getString("scope"),
        status,
        instant(rs.getTimestamp("next_check_at")));
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  /** SQL failures surface unchecked; {@code TransientFailures} looks at the cause chain. */
  static RuntimeException wrap(SQLException e) {
    return new IllegalStateException("database: " + e.getMessage(), e);
  }
}
