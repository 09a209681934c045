package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.notify.NotifyAlert;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The notifier's view of alerts ({@code notify_alert}). Call inside a transaction. */
@ApplicationScoped
public class NotifyAlertRepository {

  private static final String COLUMNS =
      "a.fingerprint, a.labels::text, a.annotations::text, a.starts_at, a.ends_at, a.generator_url";

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;

  public NotifyAlertRepository(AgroalDataSource ds, ObjectMapper mapper) {
    this.ds = ds;
    this.mapper = mapper;
  }

  /** One change to store: the alert and the time of the event that set it. */
  public record Change(NotifyAlert alert, Instant eventTime) {}

  /**
   * Stores each alert's state unless a newer event already did (events are ordered per fingerprint,
   * but a redelivered old record must not undo a later resolve). A resolve keeps the stored labels
   * and annotations: {@code AlertResolved} carries no annotations, and routing must find the groups
   * the firing alert went to. One statement for many alerts (arrays unnested server-side): one
   * round trip for a whole Kafka batch. Fingerprints must be distinct.
   *
   * @return fingerprint -> stored state, for the alerts whose state changed
   */
  public Map<String, Stored> upsertAll(List<Change> changes, Instant now) {
    Map<String, Stored> out = new HashMap<>();
    if (changes.isEmpty()) {
      return out;
    }
    int n = changes.size();
    String[] fp = new String[n];
    String[] labels = new String[n];
    String[] annotations = new String[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    String[] generator = new String[n];
    String[] eventTimes = new String[n];
    for (int i = 0; i < n; i++) {
      NotifyAlert a = changes.get(i).alert();
      fp[i] = a.fingerprint();
      labels[i] = Jdbc.json(mapper, a.labels());
      annotations[i] = Jdbc.json(mapper, a.annotations());
      starts[i] = a.startsAt().toString();
      ends[i] = a.endsAt() == null ? null : a.endsAt().toString();
      generator[i] = a.generatorUrl();
      eventTimes[i] = changes.get(i).eventTime().toString();
    }
    String sql =
        "insert into notify_alert as n (fingerprint, labels, annotations, starts_at, ends_at,"
            + " generator_url, event_time, updated_at)"
            + " select f, l::jsonb, an::jsonb, s::timestamptz, e::timestamptz, g, t::timestamptz, ?"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " as u(f, l, an, s, e, g, t)"
            + " on conflict (fingerprint) do update set"
            + " labels = case when excluded.ends_at is null then excluded.labels else n.labels end,"
            + " annotations = case when excluded.ends_at is null then excluded.annotations"
            + " else n.annotations end,"
            + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
            + " generator_url = coalesce(excluded.generator_url, n.generator_url),"
            + " event_time = excluded.event_time, updated_at = excluded.updated_at"
            + " where n.event_time <= excluded.event_time"
            + " and (n.ends_at is distinct from excluded.ends_at"
            + " or (excluded.ends_at is null and (n.labels <> excluded.labels"
            + " or n.annotations <> excluded.annotations))"
            + " or n.starts_at <> excluded.starts_at)"
            + " returning n.fingerprint, n.labels::text, (n.xmax = 0) as inserted";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Jdbc.ts(now));
      String[][] columns = {fp, labels, annotations, starts, ends, generator, eventTimes};
      for (int i = 0; i < columns.length; i++) {
        ps.setArray(i + 2, c.createArrayOf("text", columns[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new Stored(Jdbc.read(mapper, rs.getString(2), Jdbc.STRING_MAP), rs.getBoolean(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /**
   * The state an upsert left.
   *
   * @param inserted the alert was new, so it belongs to no group yet
   */
  public record Stored(Map<String, String> labels, boolean inserted) {}

  /** The alerts of each group. */
  public Map<String, List<NotifyAlert>> byGroup(Collection<String> groupIds) {
    Map<String, List<NotifyAlert>> out = new HashMap<>();
    if (groupIds.isEmpty()) {
      return out;
    }
    String sql =
        "select ga.group_id, "
            + COLUMNS
            + " from notify_group_alert ga join notify_alert a on a.fingerprint = ga.fingerprint"
            + " where ga.group_id = any(?)";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("varchar", groupIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(alert(rs, 2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /** Every firing alert: the candidates for inhibition sources. */
  public List<NotifyAlert> firing() {
    String sql = "select " + COLUMNS + " from notify_alert a where a.ends_at is null";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<NotifyAlert> out = new ArrayList<>();
      while (rs.next()) {
        out.add(alert(rs, 1));
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  /** Forgets resolved alerts no group holds any more. */
  public void deleteResolvedOrphans(Collection<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return;
    }
    String sql =
        "delete from notify_alert a where a.fingerprint = any(?) and a.ends_at is not null"
            + " and not exists (select 1 from notify_group_alert ga where ga.fingerprint = a.fingerprint)";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("varchar", fingerprints.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private NotifyAlert alert(ResultSet rs, int first) throws SQLException {
    return new NotifyAlert(
        rs.getString(first),
        Jdbc.read(mapper, rs.getString(first + 1), Jdbc.STRING_MAP),
        Jdbc.read(mapper, rs.getString(first + 2), Jdbc.STRING_MAP),
        Jdbc.instant(rs.getTimestamp(first + 3)),
        Jdbc.instant(rs.getTimestamp(first + 4)),
        rs.getString(first + 5));
  }
}
