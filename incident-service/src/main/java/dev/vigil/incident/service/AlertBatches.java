package dev.vigil.incident.service;

import dev.vigil.incident.config.IncidentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Applies the events of one Kafka poll in transactions sized to a time budget ({@link
 * IntakePacing}), and knows since when a poll has been in progress, for {@link AlertIntakeHealth}.
 *
 * <p>Why the poll is watched: SmallRye's throttled commit strategy declares the channel failed for
 * good once a record waited longer than {@code throttled.unprocessed-record-max-age.ms} for its
 * acknowledgement, which on a starved host happened to a consumer that was slow but progressing;
 * the channel never recovered. That check is off for the alerts channel; the liveness check tells a
 * stuck consumer (no poll finished for minutes) from a slow one, and the orchestrator's restart
 * redelivers whatever was not acknowledged (the inbox skips what was applied).
 */
@ApplicationScoped
public class AlertBatches {

  private final IncidentService incidents;
  private final IntakePacing pacing;
  private final Clock clock;
  private volatile Instant pollSince;

  public AlertBatches(IncidentService incidents, IncidentConfig config, Clock clock) {
    this.incidents = incidents;
    this.pacing = new IntakePacing(config.consumer().transactionBudget());
    this.clock = clock;
  }

  /** A poll's processing starts (including its retries and replays) ... */
  public void pollStarted() {
    pollSince = clock.instant();
  }

  /** ... and ends. */
  public void pollFinished() {
    pollSince = null;
  }

  /**
   * Applies events in order, in as many transactions as the time budget asks for. A failure
   * propagates; events of earlier chunks stay applied, and a retry skips them through the inbox.
   */
  public void apply(List<AlertEvent> events) {
    int from = 0;
    while (from < events.size()) {
      int n = pacing.next(events.size() - from);
      Instant start = clock.instant();
      try {
        incidents.onAlerts(events.subList(from, from + n));
      } finally {
        pacing.took(n, Duration.between(start, clock.instant()));
      }
      from += n;
    }
  }

  /** When the poll in progress started; {@code null} between polls. */
  Instant pollInProgressSince() {
    return pollSince;
  }
}
