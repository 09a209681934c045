package dev.vigil.alert.persistence.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
}
