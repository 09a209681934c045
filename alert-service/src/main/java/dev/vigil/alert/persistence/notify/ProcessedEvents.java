package dev.vigil.alert.persistence.notify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform inbox ({@code processed_event}), marked for a whole batch in one JDBC batch: the
 * same rows and semantics as {@code Inbox.firstDelivery}, without a round trip per record.
 */
@ApplicationScoped
public class ProcessedEvents {

  private final AgroalDataSource ds;

  public ProcessedEvents(AgroalDataSource ds) {
    this.ds = ds;
  }

  /** Marks the events processed; returns the ids seen for the first time. */
  public Set<String> firstDeliveries(String consumer, List<String> eventIds, Instant now) {
    Set<String> first = new HashSet<>();
    if (eventIds.isEmpty()) {
      return first;
    }
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)"
                    + " on conflict do nothing")) {
      for (String id : eventIds) {
        ps.setString(1, consumer);
        ps.setString(2, id);
        ps.setTimestamp(3, Jdbc.ts(now));
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          first.add(eventIds.get(i));
        }
      }
      return first;
    } catch (SQLException e) {
      throw Jdbc.wrap(e.getNextException() != null ? e.getNextException() : e);
    }
  }
}
