package dev.vigil.alert.persistence.breaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.breaker.BreakerStatus;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.Transition;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.events.EventType;
import dev.vigil.platform.messaging.CloudEventCodec;
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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The breaker intake's statements for a whole batch of scopes: a fixed number of round trips per
 * Kafka poll instead of about six per scope (lock, firing alerts, state, history, outbox). Under a
 * burst the per-scope round trips were the breakers' whole cost (8–10 decisions/s on a loaded
 * machine). Call inside a transaction: the connection joins it.
 */
@ApplicationScoped
public class BreakerBatchStatements {

  private static final int REASON_LENGTH = 4000;

  // Locks are taken in (breaker, scope) byte order, the order of Key.compareTo for the ASCII names
  // and scopes used in practice, so two intakes (two replicas) never wait on each other in a cycle.
  private static final String ORDER = " order by breaker collate \"C\", scope collate \"C\"";

  /** A membership to add: this alert fires in this scope. */
  public record Member(Key key, FiringAlert alert) {}

  /** A state row to write. */
  public record StateWrite(Key key, BreakerStatus status, Instant nextCheckAt) {}

  /** A change to record in the history and to publish. */
  public record Change(Key key, Transition transition, Record event) {}

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;
  private final CloudEventCodec codec;
  private final String source;

  public BreakerBatchStatements(
      AgroalDataSource ds,
      ObjectMapper mapper,
      CloudEventCodec codec,
      @ConfigProperty(name = "vigil.events.source") String source) {
    this.ds = ds;
    this.mapper = mapper;
    this.codec = codec;
    this.source = source;
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

  /**
   * Records the changes in the history and queues their events in the platform's outbox table, in
   * the caller's transaction (two JDBC batches). The rows are the ones {@code Outbox.enqueue}
   * writes; it persists one entity, i.e. one round trip, per event.
   */
  public void recordAndEnqueue(String channel, List<Change> changes, Instant now) {
    if (changes.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into breaker_transition (breaker, scope, sequence, from_state, to_state,"
                  + " cause, actor, reason, alerts, at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?::jsonb, ?)")) {
        for (Change ch : changes) {
          Transition t = ch.transition();
          String reason = t.reason();
          if (reason != null && reason.length() > REASON_LENGTH) {
            reason = reason.substring(0, REASON_LENGTH);
          }
          ps.setString(1, ch.key().breaker());
          ps.setString(2, ch.key().scope());
          ps.setLong(3, t.next().sequence());
          ps.setString(4, t.from().name());
          ps.setString(5, t.next().state().name());
          ps.setString(6, t.cause().name());
          ps.setString(7, t.actor());
          ps.setString(8, reason);
          ps.setString(9, mapper.writeValueAsString(t.alerts()));
          ps.setTimestamp(10, Timestamp.from(now));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into outbox_event (channel, event_id, event_type, source, subject,"
                  + " record_key, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Change ch : changes) {
          ps.setString(1, channel);
          ps.setString(2, UUID.randomUUID().toString());
          ps.setString(3, EventType.of(ch.event().getClass()).type());
          ps.setString(4, source);
          // Keyed by scope: one scope's changes stay in order on one partition.
          ps.setString(5, ch.key().scope());
          ps.setString(6, ch.key().scope());
          ps.setTimestamp(7, Timestamp.from(now));
          ps.setString(8, codec.toJson(ch.event()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e.getNextException() != null ? e.getNextException() : e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise alerts", e);
    }
  }

  private static java.sql.Array array(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("varchar", values.toArray(String[]::new));
  }
}
