package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.notify.LogEntry;
import dev.vigil.alert.domain.notify.Notification;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The notification log: the claim that makes a notification happen once. */
@ApplicationScoped
public class NotificationLogRepository {

  private static final String COLUMNS =
      "id, group_id, flush_seq, receiver, integration, alerts_hash, group_key, status,"
          + " firing_count, resolved_count, content::text, attempts, created_at, lease_until,"
          + " finished_at, last_error";

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;

  public NotificationLogRepository(AgroalDataSource ds, ObjectMapper mapper) {
    this.ds = ds;
    // Derived accessors of the domain records (e.g. isEmpty) are written but not read back.
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** One claim of {@link #claimAll}. */
  public record Claim(
      String groupId, long flushSeq, String integration, Notification n, String alertsHash) {}

  /**
   * Claims notifications in one statement: inserts a PENDING row for each unless the same one
   * (group, receiver, integration, flush sequence, alert set) exists.
   *
   * @return ids of the rows inserted, in the order of {@code claims}; {@code null} where the same
   *     notification had been claimed before
   */
  public List<Long> claimAll(List<Claim> claims, Instant now, Instant leaseUntil) {
    List<Long> ids = new ArrayList<>();
    if (claims.isEmpty()) {
      return ids;
    }
    int n = claims.size();
    String[][] cols = new String[9][n];
    for (int i = 0; i < n; i++) {
      Claim c = claims.get(i);
      cols[0][i] = c.groupId();
      cols[1][i] = Long.toString(c.flushSeq());
      cols[2][i] = c.n().receiver();
      cols[3][i] = c.integration();
      cols[4][i] = c.alertsHash();
      cols[5][i] = c.n().groupKey();
      cols[6][i] = Integer.toString(c.n().firing().size());
      cols[7][i] = Integer.toString(c.n().resolved().size());
      cols[8][i] = Jdbc.json(mapper, c.n());
    }
    String sql =
        "insert into notification_log (group_id, flush_seq, receiver, integration, alerts_hash,"
            + " group_key, status, firing_count, resolved_count, content, created_at, lease_until)"
            + " select g, s::bigint, r, i, h, k, 'PENDING', f::int, rs::int, c::jsonb, ?, ?"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[]) as u(g, s, r, i, h, k, f, rs, c)"
            + " on conflict do nothing returning id, group_id, integration, flush_seq";
    java.util.Map<String, Long> byKey = new java.util.HashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Jdbc.ts(now));
      ps.setTimestamp(2, Jdbc.ts(leaseUntil));
      for (int i = 0; i < cols.length; i++) {
        ps.setArray(i + 3, c.createArrayOf("text", cols[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byKey.put(rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4), rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
    for (Claim c : claims) {
      ids.add(byKey.get(c.groupId() + "|" + c.integration() + "|" + c.flushSeq()));
    }
    return ids;
  }

  /**
   * Takes over pending rows whose lease ran out (their replica died or is stuck), extending the
   * lease so no other replica takes them meanwhile.
   */
  public List<LogEntry> reclaimExpired(Instant now, Instant newLease, int limit) {
    return query(
        "update notification_log set lease_until = ? where id in (select id from notification_log"
            + " where status = 'PENDING' and lease_until < ? order by lease_until limit ?"
            + " for update skip locked) returning "
            + COLUMNS,
        List.of(newLease, now, limit));
  }

  /**
   * Ends rows in one statement (arrays unnested server-side): SENT or FAILED, with the number of
   * attempts and the last error.
   */
  public void finishAll(List<Object[]> rows, Instant now) {
    int n = rows.size();
    if (n == 0) {
      return;
    }
    String[][] cols = new String[4][n];
    for (int i = 0; i < n; i++) {
      Object[] r = rows.get(i);
      String error = (String) r[3];
      cols[0][i] = Long.toString((Long) r[0]);
      cols[1][i] = (String) r[1];
      cols[2][i] = Integer.toString((Integer) r[2]);
      cols[3][i] = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }
    String sql =
        "update notification_log l set status = u.s, attempts = u.a::int, last_error = u.e,"
            + " finished_at = ? from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
            + " as u(id, s, a, e) where l.id = u.id::bigint and l.status = 'PENDING'";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Jdbc.ts(now));
      for (int i = 0; i < cols.length; i++) {
        ps.setArray(i + 2, c.createArrayOf("text", cols[i]));
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /** Extends leases of pending rows to {@code until}; a longer lease (a retry's) is kept. */
  public void renewLeases(List<Long> ids, Instant until) {
    String sql =
        "update notification_log set lease_until = greatest(lease_until, ?)"
            + " where id = any(?) and status = 'PENDING'";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Jdbc.ts(until));
      ps.setArray(2, c.createArrayOf("int8", ids.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /** Records a failed attempt and pushes the lease past the next retry. */
  public void attempted(long id, int attempts, String error, Instant leaseUntil) {
    String sql =
        "update notification_log set attempts = ?, last_error = ?, lease_until = ?"
            + " where id = ? and status = 'PENDING'";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, attempts);
      ps.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
      ps.setTimestamp(3, Jdbc.ts(leaseUntil));
      ps.setLong(4, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /** Newest first, optionally only one status and/or one receiver. */
  public List<LogEntry> list(String status, String receiver, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + " from notification_log where true");
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status);
    }
    if (receiver != null) {
      sql.append(" and receiver = ?");
      params.add(receiver);
    }
    sql.append(" order by id desc limit ?");
    params.add(limit);
    return query(sql.toString(), params);
  }

  private List<LogEntry> query(String sql, List<Object> params) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof Instant instant) {
          ps.setTimestamp(i + 1, Jdbc.ts(instant));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      List<LogEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private LogEntry row(ResultSet rs) throws SQLException {
    return new LogEntry(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        Jdbc.read(mapper, rs.getString(11), new TypeReference<Notification>() {}),
        rs.getInt(12),
        Jdbc.instant(rs.getTimestamp(13)),
        Jdbc.instant(rs.getTimestamp(14)),
        Jdbc.instant(rs.getTimestamp(15)),
        rs.getString(16));
  }
}
