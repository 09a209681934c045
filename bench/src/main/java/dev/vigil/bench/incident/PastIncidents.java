package dev.vigil.bench.incident;

import dev.vigil.infra.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * The history the status page reads: five components (created over REST, as an operator would) and
 * resolved incidents spread over the last 90 days, each with the impact segment it caused and one
 * in ten with a published public update (written straight into PostgreSQL: replaying 10,000 outages
 * through Kafka would only slow the bench down).
 */
final class PastIncidents {

  private PastIncidents() {}

  static void components(IncidentServiceChild service) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < AlertTraffic.COMPONENTS; i++) {
      String body =
          "{\"name\":\"API "
              + i
              + "\",\"description\":\"Trading API "
              + i
              + "\",\"position\":"
              + i
              + ",\"match\":{\"service\":\"api-"
              + i
              + "\"}}";
      HttpRequest put =
          HttpRequest.newBuilder(URI.create(service.url("/api/v1/components/api-" + i)))
              .header("Content-Type", "application/json")
              .header("Authorization", IncidentServiceChild.basicAuth())
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build();
      int status = http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode();
      if (status / 100 != 2) {
        throw new IllegalStateException("PUT component api-" + i + " answered " + status);
      }
    }
  }

  static void seed(LocalPostgres.Database db, int count, Instant now) throws Exception {
    Random random = new Random(42);
    String[] statuses = {"MAJOR_OUTAGE", "PARTIAL_OUTAGE", "DEGRADED_PERFORMANCE"};
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      c.setAutoCommit(false);
      try (PreparedStatement inc =
              c.prepareStatement(
                  "insert into incident (id, group_key, title, severity, status, labels,"
                      + " opened_at, updated_at, resolved_at, resolved_by, version)"
                      + " values (?, ?, ?, ?, 'RESOLVED', '{}'::jsonb, ?, ?, ?, 'system', 0)");
          PreparedStatement impact =
              c.prepareStatement(
                  "insert into component_impact (incident_id, component_id, status, started_at,"
                      + " ended_at) values (?, ?, ?, ?, ?)");
          PreparedStatement update =
              c.prepareStatement(
                  "insert into public_update (id, incident_id, status, title, body, author,"
                      + " created_at, published_by, published_at)"
                      + " values (?, ?, 'RESOLVED', ?, ?, 'bench', ?, 'bench', ?)")) {
        long span = Duration.ofDays(90).toSeconds();
        for (int i = 0; i < count; i++) {
          UUID id = UUID.randomUUID();
          Instant opened = now.minusSeconds(span * (i + 1) / (count + 1));
          Instant resolved = opened.plusSeconds(300 + random.nextInt(3300));
          String status = statuses[random.nextInt(statuses.length)];
          inc.setObject(1, id);
          inc.setString(2, "past-g" + i);
          inc.setString(3, "Past outage " + i);
          inc.setString(4, status.equals("MAJOR_OUTAGE") ? "CRITICAL" : "WARNING");
          inc.setTimestamp(5, Timestamp.from(opened));
          inc.setTimestamp(6, Timestamp.from(resolved));
          inc.setTimestamp(7, Timestamp.from(resolved));
          inc.addBatch();
          impact.setObject(1, id);
          impact.setString(2, "api-" + (i % AlertTraffic.COMPONENTS));
          impact.setString(3, status);
          impact.setTimestamp(4, Timestamp.from(opened));
          impact.setTimestamp(5, Timestamp.from(resolved));
          impact.addBatch();
          if (i % 10 == 0) {
            update.setObject(1, UUID.randomUUID());
            update.setObject(2, id);
            update.setString(3, "Elevated error rates");
            update.setString(4, "The problem has been resolved.");
            update.setTimestamp(5, Timestamp.from(resolved));
            update.setTimestamp(6, Timestamp.from(resolved));
            update.addBatch();
          }
          if (i % 1000 == 999) {
            inc.executeBatch();
            impact.executeBatch();
            update.executeBatch();
          }
        }
        inc.executeBatch();
        impact.executeBatch();
        update.executeBatch();
      }
      c.commit();
      try (var s = c.createStatement()) {
        s.execute("analyze");
      }
    }
  }
}
