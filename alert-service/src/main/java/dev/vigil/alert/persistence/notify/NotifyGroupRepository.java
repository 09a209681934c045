package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.notify.SentState;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregation groups and their members. Call inside a transaction. */
@ApplicationScoped
public class NotifyGroupRepository {

  private static final String COLUMNS =
      "group_id, route_id, receiver, group_key, group_labels::text, next_flush_at, last_flush_at,"
          + " flush_seq, sent_firing::text, sent_resolved::text, sent_at";

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;

  public NotifyGroupRepository(AgroalDataSource ds, ObjectMapper mapper) {
    this.ds = ds;
    this.mapper = mapper;
  }

  /**
   * Creates the groups that do not exist yet (no next flush: the caller schedules them). One JDBC
   * batch: at thousands of alerts a second, round trips are what costs.
   */
  public void ensureAll(Collection<GroupRow> rows, Instant now) {
    String sql =
        "insert into notify_group (group_id, route_id, receiver, group_key, group_labels,"
            + " created_at) values (?, ?, ?, ?, ?::jsonb, ?) on conflict (group_id) do nothing";
    batch(
        sql,
        rows,
        (ps, g) -> {
          ps.setString(1, g.groupId());
          ps.setString(2, g.routeId());
          ps.setString(3, g.receiver());
          ps.setString(4, g.groupKey());
          ps.setString(5, Jdbc.json(mapper, g.groupLabels()));
          ps.setTimestamp(6, Jdbc.ts(now));
        });
  }

  /** Adds alerts to groups: pairs of {@code [groupId, fingerprint]}. */
  public void addMembers(Collection<String[]> members) {
    batch(
        "insert into notify_group_alert (group_id, fingerprint) values (?, ?) on conflict do nothing",
        members,
        (ps, m) -> {
          ps.setString(1, m[0]);
          ps.setString(2, m[1]);
        });
  }

  public void scheduleAll(Map<String, Instant> next) {
    batch(
        "update notify_group set next_flush_at = ? where group_id = ?",
        next.entrySet(),
        (ps, e) -> {
          ps.setTimestamp(1, Jdbc.ts(e.getValue()));
          ps.setString(2, e.getKey());
        });
  }

  /** A flush to record: the next due time and (if it sent) the new log entry. */
  public record Flushed(
      String groupId, Instant nextFlushAt, SentState sent, Collection<String> dropped) {}

  /** Records flushes: next due time, sequence number, log entry; drops resolved members. */
  public void flushedAll(Collection<Flushed> flushes, Instant now) {
    batch(
        "update notify_group set last_flush_at = ?, next_flush_at = ?, flush_seq = flush_seq + 1,"
            + " sent_firing = ?::jsonb, sent_resolved = ?::jsonb, sent_at = ? where group_id = ?",
        flushes,
        (ps, f) -> {
          ps.setTimestamp(1, Jdbc.ts(now));
          ps.setTimestamp(2, Jdbc.ts(f.nextFlushAt()));
          ps.setString(3, f.sent() == null ? null : Jdbc.json(mapper, f.sent().firing()));
          ps.setString(4, f.sent() == null ? null : Jdbc.json(mapper, f.sent().resolved()));
          ps.setTimestamp(5, f.sent() == null ? null : Jdbc.ts(f.sent().sentAt()));
          ps.setString(6, f.groupId());
        });
    List<String[]> dropped = new ArrayList<>();
    flushes.forEach(f -> f.dropped().forEach(fp -> dropped.add(new String[] {f.groupId(), fp})));
    batch(
        "delete from notify_group_alert where group_id = ? and fingerprint = ?",
        dropped,
        (ps, d) -> {
          ps.setString(1, d[0]);
          ps.setString(2, d[1]);
        });
    batch(
        "delete from notify_group g where g.group_id = ? and g.next_flush_at is null and not exists"
            + " (select 1 from notify_group_alert ga where ga.group_id = g.group_id)",
        flushes.stream().filter(f -> f.nextFlushAt() == null).map(Flushed::groupId).toList(),
        (ps, id) -> ps.setString(1, id));
  }

  /** Binds one row of a batch. */
  private interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  private <T> void batch(String sql, Collection<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw Jdbc.wrap(e.getNextException() != null ? e.getNextException() : e);
    }
  }

  /**
   * Takes the alert out of every group but {@code keep} (its labels changed, so it routes elsewhere
   * now).
   *
   * @return the groups it left
   */
  public List<String> removeFromOtherGroups(String fingerprint, Collection<String> keep) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "delete from notify_group_alert where fingerprint = ? and not (group_id = any(?))"
                    + " returning group_id")) {
      ps.setString(1, fingerprint);
      ps.setArray(2, c.createArrayOf("varchar", keep.toArray()));
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /**
   * Locks the groups (in id order, so two transactions never wait on each other in a cycle) and
   * returns them. Waits for a flush in progress on one of them.
   */
  public Map<String, GroupRow> lock(Collection<String> groupIds) {
    List<String> sorted = new ArrayList<>(new HashSet<>(groupIds));
    sorted.sort(null);
    return select(
        "select "
            + COLUMNS
            + " from notify_group where group_id = any(?) order by group_id for update",
        sorted,
        null,
        0);
  }

  /**
   * Claims up to {@code limit} groups due at {@code now}; rows another replica is flushing are
   * skipped, so each group is flushed by one replica at a time.
   */
  public Map<String, GroupRow> claimDue(Instant now, int limit) {
    return select(
        "select "
            + COLUMNS
            + " from notify_group where next_flush_at <= ? order by next_flush_at limit ?"
            + " for update skip locked",
        null,
        now,
        limit);
  }

  public void delete(String groupId) {
    update("delete from notify_group where group_id = ?", null, groupId);
  }

  private void update(String sql, Instant instant, String groupId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (sql.contains("next_flush_at = ?")) {
        ps.setTimestamp(i++, Jdbc.ts(instant));
      }
      ps.setString(i, groupId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private Map<String, GroupRow> select(String sql, List<String> ids, Instant now, int limit) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (ids != null) {
        ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      } else {
        ps.setTimestamp(1, Jdbc.ts(now));
        ps.setInt(2, limit);
      }
      Map<String, GroupRow> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          GroupRow g = row(rs);
          out.put(g.groupId(), g);
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private GroupRow row(ResultSet rs) throws SQLException {
    Instant sentAt = Jdbc.instant(rs.getTimestamp(11));
    SentState sent =
        sentAt == null
            ? null
            : new SentState(
                new HashSet<>(Jdbc.read(mapper, rs.getString(9), Jdbc.STRING_LIST)),
                new HashSet<>(Jdbc.read(mapper, rs.getString(10), Jdbc.STRING_LIST)),
                sentAt);
    return new GroupRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Jdbc.read(mapper, rs.getString(5), Jdbc.STRING_MAP),
        Jdbc.instant(rs.getTimestamp(6)),
        Jdbc.instant(rs.getTimestamp(7)),
        rs.getLong(8),
        sent);
  }
}
