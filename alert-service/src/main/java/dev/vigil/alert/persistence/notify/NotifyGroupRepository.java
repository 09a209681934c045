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
import java.util.Set;

/**
 * Aggregation groups ({@code notify_group}): created by the intake, locked and scheduled, claimed
 * and advanced by the flusher. Their members are {@link NotifyGroupMemberRepository}'s. Call inside
 * a transaction.
 */
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
   * Inserts the groups that do not exist yet, each in the state it carries (idle, or already
   * flushed once by the intake), in the order given. One statement (arrays unnested server-side):
   * at thousands of alerts a second, round trips and per-statement work are what costs.
   *
   * @return ids of the groups inserted (the others existed)
   */
  public Set<String> insertAll(Collection<GroupRow> rows, Instant now) {
    Set<String> inserted = new HashSet<>();
    if (rows.isEmpty()) {
      return inserted;
    }
    String[][] cols = new String[11][rows.size()];
    int i = 0;
    for (GroupRow g : rows) {
      cols[0][i] = g.groupId();
      cols[1][i] = g.routeId();
      cols[2][i] = g.receiver();
      cols[3][i] = g.groupKey();
      cols[4][i] = Jdbc.json(mapper, g.groupLabels());
      cols[5][i] = Jdbc.text(g.nextFlushAt());
      cols[6][i] = Jdbc.text(g.lastFlushAt());
      cols[7][i] = Long.toString(g.flushSeq());
      cols[8][i] = g.sent() == null ? null : Jdbc.json(mapper, g.sent().firing());
      cols[9][i] = g.sent() == null ? null : Jdbc.json(mapper, g.sent().resolved());
      cols[10][i] = g.sent() == null ? null : Jdbc.text(g.sent().sentAt());
      i++;
    }
    String sql =
        "insert into notify_group (group_id, route_id, receiver, group_key, group_labels,"
            + " next_flush_at, last_flush_at, flush_seq, sent_firing, sent_resolved, sent_at,"
            + " created_at)"
            + " select g, r, rc, k, l::jsonb, n::timestamptz, lf::timestamptz, s::bigint,"
            + " sf::jsonb, sr::jsonb, sa::timestamptz, ?"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " with ordinality as u(g, r, rc, k, l, n, lf, s, sf, sr, sa, o) order by o"
            + " on conflict (group_id) do nothing returning group_id";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Jdbc.ts(now));
      for (int k = 0; k < cols.length; k++) {
        ps.setArray(k + 2, c.createArrayOf("text", cols[k]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1));
        }
      }
      return inserted;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  public void scheduleAll(Map<String, Instant> next) {
    if (next.isEmpty()) {
      return;
    }
    String[][] cols = new String[2][next.size()];
    int i = 0;
    for (Map.Entry<String, Instant> e : next.entrySet()) {
      cols[0][i] = e.getKey();
      cols[1][i++] = Jdbc.text(e.getValue());
    }
    Jdbc.executeArrays(
        ds,
        "update notify_group g set next_flush_at = u.n::timestamptz"
            + " from unnest(?::text[], ?::text[]) as u(id, n) where g.group_id = u.id",
        null,
        cols);
  }

  /** A flush to record: the next due time and (if it sent) the new log entry. */
  public record Flushed(
      String groupId, Instant nextFlushAt, SentState sent, Collection<String> dropped) {}

  /**
   * Records flushes: next due time, sequence number, log entry. A group left without a next flush
   * and without members is deleted, so drop the flushes' resolved members first ({@link
   * NotifyGroupMemberRepository#removeMembers}).
   */
  public void flushedAll(Collection<Flushed> flushes, Instant now) {
    if (flushes.isEmpty()) {
      return;
    }
    String[][] cols = new String[5][flushes.size()];
    int i = 0;
    for (Flushed f : flushes) {
      cols[0][i] = f.groupId();
      cols[1][i] = Jdbc.text(f.nextFlushAt());
      cols[2][i] = f.sent() == null ? null : Jdbc.json(mapper, f.sent().firing());
      cols[3][i] = f.sent() == null ? null : Jdbc.json(mapper, f.sent().resolved());
      cols[4][i++] = f.sent() == null ? null : Jdbc.text(f.sent().sentAt());
    }
    Jdbc.executeArrays(
        ds,
        "update notify_group g set last_flush_at = ?, next_flush_at = u.n::timestamptz,"
            + " flush_seq = g.flush_seq + 1, sent_firing = u.sf::jsonb,"
            + " sent_resolved = u.sr::jsonb, sent_at = u.sa::timestamptz"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " as u(id, n, sf, sr, sa) where g.group_id = u.id",
        now,
        cols);
    Jdbc.batch(
        ds,
        "delete from notify_group g where g.group_id = ? and g.next_flush_at is null and not exists"
            + " (select 1 from notify_group_alert ga where ga.group_id = g.group_id)",
        flushes.stream().filter(f -> f.nextFlushAt() == null).map(Flushed::groupId).toList(),
        (ps, id) -> ps.setString(1, id));
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
    Jdbc.batch(
        ds,
        "delete from notify_group where group_id = ?",
        List.of(groupId),
        (ps, id) -> ps.setString(1, id));
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
