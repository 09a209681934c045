package dev.vigil.alert.persistence.notify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform inbox ({@code processed_event}), marked for a whole batch in one JDBC batch: the
 * same rows and semantics as {@code Inbox.firstDelivery}, in one statement per batch.
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
    // One statement for the batch (arrays unnested server-side); the rows that were inserted are
    // the first deliveries.
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into processed_event (consumer, event_id, processed_at)"
                    + " select ?, e, ? from unnest(?::text[]) as u(e)"
                    + " on conflict do nothing returning event_id")) {
      ps.setString(1, consumer);
      ps.setTimestamp(2, Jdbc.ts(now));
      ps.setArray(3, c.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          first.add(rs.getString(1));
        }
      }
      return first;
    } catch (SQLException e) {
      throw Jdbc.wrap(e);
    }
  }
}
