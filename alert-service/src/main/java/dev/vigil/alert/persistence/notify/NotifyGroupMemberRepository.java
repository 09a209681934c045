package dev.vigil.alert.persistence.notify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which alerts belong to which aggregation group ({@code notify_group_alert}): the intake adds and
 * moves alerts, a flush drops the resolved ones it announced. The groups themselves are {@link
 * NotifyGroupRepository}'s. Call inside a transaction.
 */
@ApplicationScoped
public class NotifyGroupMemberRepository {

  private final AgroalDataSource ds;

  public NotifyGroupMemberRepository(AgroalDataSource ds) {
    this.ds = ds;
  }

  /** Adds alerts to groups: pairs of {@code [groupId, fingerprint]}. One statement. */
  public void addMembers(Collection<String[]> members) {
    if (members.isEmpty()) {
      return;
    }
    Jdbc.executeArrays(
        ds,
        "insert into notify_group_alert (group_id, fingerprint)"
            + " select * from unnest(?::text[], ?::text[]) on conflict do nothing",
        null,
        columns(members));
  }

  /** Takes alerts out of groups: pairs of {@code [groupId, fingerprint]}. One JDBC batch. */
  public void removeMembers(Collection<String[]> members) {
    Jdbc.batch(
        ds,
        "delete from notify_group_alert where group_id = ? and fingerprint = ?",
        members,
        (ps, m) -> {
          ps.setString(1, m[0]);
          ps.setString(2, m[1]);
        });
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

  private static String[][] columns(Collection<String[]> pairs) {
    String[][] cols = new String[2][pairs.size()];
    int i = 0;
    for (String[] m : pairs) {
      cols[0][i] = m[0];
      cols[1][i++] = m[1];
    }
    return cols;
  }
}
