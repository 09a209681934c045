package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON and time conversions shared by the notifier's repositories. They use plain JDBC rather than
 * Panache: the hot path is batched upserts, {@code on conflict} claims and {@code for update skip
 * locked}, which are clearer as SQL than as entities. Connections come from the JTA-enlisted
 * datasource, so they join the service's transaction.
 */
final class Jdbc {

  static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private Jdbc() {}

  static String json(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
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

  /** An instant as text for a {@code text[]} column array ({@code ::timestamptz} in the SQL). */
  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * Runs a statement whose parameters are text arrays, one per column (unnested server-side: one
   * round trip for any number of rows), after a timestamp parameter when {@code first} is not null.
   */
  static void executeArrays(AgroalDataSource ds, String sql, Instant first, String[][] columns) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int p = 1;
      if (first != null) {
        ps.setTimestamp(p++, ts(first));
      }
      for (String[] column : columns) {
        ps.setArray(p++, c.createArrayOf("text", column));
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw wrap(e);
    }
  }

  /** Binds one row of a batch. */
  interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** Runs {@code sql} once per row, as one JDBC batch. */
  static <T> void batch(AgroalDataSource ds, String sql, Collection<T> rows, Binder<T> binder) {
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
      throw wrap(e.getNextException() != null ? e.getNextException() : e);
    }
  }
}
