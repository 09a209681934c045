package dev.vigil.alert.persistence.breaker;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Breaker definitions stored through the REST API, as their source text. */
@ApplicationScoped
public class BreakerDefinitionRepository {

  private final AgroalDataSource ds;

  public BreakerDefinitionRepository(AgroalDataSource ds) {
    this.ds = ds;
  }

  /** Name to source text, by name. */
  public Map<String, String> all() {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select name, definition from breaker_definition order by name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
      return out;
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }

  /**
   * @return {@code true} when it was created, {@code false} when it replaced one
   */
  public boolean put(String name, String definition, Instant now) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into breaker_definition (name, definition, updated_at) values (?, ?, ?)"
                    + " on conflict (name) do update set definition = excluded.definition,"
                    + " updated_at = excluded.updated_at returning (xmax = 0)")) {
      ps.setString(1, name);
      ps.setString(2, definition);
      ps.setTimestamp(3, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }

  public boolean delete(String name) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from breaker_definition where name = ?")) {
      ps.setString(1, name);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    }
  }
}
