package dev.vigil.alert.persistence.breaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.Transition;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The transitions of every breaker scope, as published. */
@ApplicationScoped
public class BreakerHistoryRepository {

  private static final int REASON_LENGTH = 4000;
  private static final TypeReference<List<FiringAlert>> ALERTS = new TypeReference<>() {};

  /** One recorded change. */
  public record Entry(
      String breaker,
      String scope,
      long sequence,
      String from,
      String to,
      String cause,
      String actor,
      String reason,
      List<FiringAlert> alerts,
      Instant at) {}

  private final AgroalDataSource ds;
  private final ObjectMapper mapper;

  public BreakerHistoryRepository(AgroalDataSource ds, ObjectMapper mapper) {
    this.ds = ds;
    this.mapper = mapper;
  }

  /** A transition of one scope, to record. */
  public record Change(String breaker, String scope, Transition transition) {}

  public void record(String breaker, String scope, Transition t, Instant at) {
    recordAll(List.of(new Change(breaker, scope, t)), at);
  }

  /** Records transitions in the caller's transaction (one JDBC batch, whatever their number). */
  public void recordAll(List<Change> changes, Instant at) {
    if (changes.isEmpty()) {
      return;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into breaker_transition (breaker, scope, sequence, from_state, to_state,"
                    + " cause, actor, reason, alerts, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
                    + " ?)")) {
      for (Change ch : changes) {
        Transition t = ch.transition();
        String reason = t.reason();
        if (reason != null && reason.length() > REASON_LENGTH) {
          reason = reason.substring(0, REASON_LENGTH);
        }
        ps.setString(1, ch.breaker());
        ps.setString(2, ch.scope());
        ps.setLong(3, t.next().sequence());
        ps.setString(4, t.from().name());
        ps.setString(5, t.next().state().name());
        ps.setString(6, t.cause().name());
        ps.setString(7, t.actor());
        ps.setString(8, reason);
        ps.setString(9, mapper.writeValueAsString(t.alerts()));
        ps.setTimestamp(10, Timestamp.from(at));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e.getNextException() != null ? e.getNextException() : e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise alerts", e);
    }
  }

  /** The latest changes of a breaker (all its scopes, or one), newest first. */
  public List<Entry> latest(String breaker, String scope, int limit) {
    String sql =
        "select breaker, scope, sequence, from_state, to_state, cause, actor, reason,"
            + " alerts::text, at from breaker_transition where breaker = ?"
            + (scope == null ? "" : " and scope = ?")
            + " order by id desc limit ?";
    List<Entry> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, breaker);
      if (scope != null) {
        ps.setString(i++, scope);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  mapper.readValue(rs.getString(9), ALERTS),
                  rs.getTimestamp(10).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw BreakerStateRepository.wrap(e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored alerts unreadable", e);
    }
  }
}
