package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.domain.notify.Silence;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Silences. Matchers are stored as Alertmanager's API shape: name, value, isRegex, isEqual. */
@ApplicationScoped
public class SilenceRepository {

  private static final String COLUMNS =
      "id, matchers::text, starts_at, ends_at, created_by, comment, updated_at, expire_when_resolved";

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;

  public SilenceRepository(AgroalDataSource ds, ObjectMapper mapper) {
    this.ds = ds;
    this.mapper = mapper;
  }

  public void upsert(Silence s) {
    String sql =
        "insert into silence (id, matchers, starts_at, ends_at, created_by, comment, updated_at,"
            + " expire_when_resolved) values (?, ?::jsonb, ?, ?, ?, ?, ?, ?)"
            + " on conflict (id) do update set matchers = excluded.matchers,"
            + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
            + " created_by = excluded.created_by, comment = excluded.comment,"
            + " updated_at = excluded.updated_at, expire_when_resolved = excluded.expire_when_resolved";
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, UUID.fromString(s.id()));
      ps.setString(
          2, Jdbc.json(mapper, s.matchers().stream().map(SilenceRepository::toMap).toList()));
      ps.setTimestamp(3, Jdbc.ts(s.startsAt()));
      ps.setTimestamp(4, Jdbc.ts(s.endsAt()));
      ps.setString(5, s.createdBy());
      ps.setString(6, s.comment());
      ps.setTimestamp(7, Jdbc.ts(s.updatedAt()));
      ps.setBoolean(8, s.expireWhenResolved());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  public Optional<Silence> find(String id, boolean forUpdate) {
    List<Silence> found =
        query(
            "select " + COLUMNS + " from silence where id = ?" + (forUpdate ? " for update" : ""),
            UUID.fromString(id));
    return found.stream().findFirst();
  }

  /** Every silence, newest first (Alertmanager keeps expired ones for a retention period too). */
  public List<Silence> all() {
    return query("select " + COLUMNS + " from silence order by updated_at desc", null);
  }

  /** Silences that may mute at {@code now} or later. */
  public List<Silence> notExpired(Instant now) {
    return query("select " + COLUMNS + " from silence where ends_at > ?", now);
  }

  /** Deletes silences expired before {@code cutoff}. */
  public int purgeExpiredBefore(Instant cutoff) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from silence where ends_at < ?")) {
      ps.setTimestamp(1, Jdbc.ts(cutoff));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private List<Silence> query(String sql, Object param) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (param instanceof Instant i) {
        ps.setTimestamp(1, Jdbc.ts(i));
      } else if (param != null) {
        ps.setObject(1, param);
      }
      List<Silence> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(silence(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }

  private Silence silence(ResultSet rs) throws SQLException {
    List<Map<String, Object>> raw =
        Jdbc.read(
            mapper,
            rs.getString(2),
            new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    List<LabelMatcher> matchers = new ArrayList<>();
    for (Map<String, Object> m : raw) {
      matchers.add(
          LabelMatcher.of(
              (String) m.get("name"),
              LabelMatcher.Type.of(
                  Boolean.TRUE.equals(m.get("isRegex")), !Boolean.FALSE.equals(m.get("isEqual"))),
              (String) m.get("value")));
    }
    return new Silence(
        rs.getString(1),
        matchers,
        Jdbc.instant(rs.getTimestamp(3)),
        Jdbc.instant(rs.getTimestamp(4)),
        rs.getString(5),
        rs.getString(6),
        Jdbc.instant(rs.getTimestamp(7)),
        rs.getBoolean(8));
  }

  private static Map<String, Object> toMap(LabelMatcher m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", m.name());
    out.put("value", m.value());
    out.put("isRegex", m.type().isRegex());
    out.put("isEqual", m.type().isEqual());
    return out;
  }
}
