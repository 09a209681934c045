package dev.vigil.incident.domain.component;

import dev.vigil.incident.domain.sla.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An announced maintenance window: shown on the status page ahead of time, puts its components
 * under maintenance while it runs, and is excluded from their uptime.
 */
public record Maintenance(
    UUID id,
    String title,
    String body,
    List<String> components,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    Instant createdAt) {

  public Maintenance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    body = body == null ? "" : body;
    components = List.copyOf(components);
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("maintenance must end after it starts");
    }
  }

  public TimeWindow window() {
    return new TimeWindow(startsAt, endsAt);
  }

  public boolean activeAt(Instant now) {
    return window().contains(now);
  }

  /** Statuspage's words: scheduled, in_progress or completed. */
  public String statusAt(Instant now) {
    if (now.isBefore(startsAt)) {
      return "scheduled";
    }
    return now.isBefore(endsAt) ? "in_progress" : "completed";
  }
}
