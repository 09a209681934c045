package dev.vigil.incident.service;

import dev.vigil.incident.config.IncidentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check {@code alert-intake}: down while a poll of the alerts channel has been in progress
 * for longer than {@code vigil.incident.consumer.stall-timeout}. A slow poll is not a failure (see
 * {@link AlertBatches}); one that has not finished for minutes is stuck, and a restart redelivers
 * its records.
 */
@Liveness
@ApplicationScoped
public class AlertIntakeHealth implements HealthCheck {

  private final AlertBatches batches;
  private final Duration stallTimeout;
  private final Clock clock;

  public AlertIntakeHealth(AlertBatches batches, IncidentConfig config, Clock clock) {
    this.batches = batches;
    this.stallTimeout = config.consumer().stallTimeout();
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    Instant since = batches.pollInProgressSince();
    boolean stuck = since != null && since.plus(stallTimeout).isBefore(clock.instant());
    return HealthCheckResponse.named("alert-intake")
        .status(!stuck)
        .withData("pollInProgressSince", since == null ? "none" : since.toString())
        .build();
  }
}
