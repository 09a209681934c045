package dev.vigil.bench.incident;

import dev.vigil.infra.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Counts the alert events incident-service has applied: its inbox ({@code processed_event}) gets
 * one row per event in the transaction that applies it, so the count is exact whatever the events
 * did (opened, joined, resolved), unlike counting outgoing incident events.
 */
final class InboxCount implements AutoCloseable {

  private final Connection connection;

  InboxCount(LocalPostgres.Database db) throws SQLException {
    connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
  }

  long count() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from processed_event where consumer = 'incident-service.alerts'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Waits until {@code total} events are applied; returns the nano time seen, or -1. */
  long await(long total, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (count() >= total) {
        return System.nanoTime();
      }
      Thread.sleep(100); // a benchmark driver polling, not a test
    }
    return -1;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
