package dev.vigil.incident.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Closes the previous month once it is over, so its credits are announced without a person. */
@ApplicationScoped
public class SlaPeriodCloser {

  private static final Logger LOG = Logger.getLogger(SlaPeriodCloser.class);

  private final SlaService sla;
  private final Clock clock;
  private final ZoneId zone;

  public SlaPeriodCloser(
      SlaService sla, Clock clock, @ConfigProperty(name = "vigil.sla.time-zone") ZoneId zone) {
    this.sla = sla;
    this.clock = clock;
    this.zone = zone;
  }

  @Scheduled(
      every = "${vigil.sla.close-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void closePreviousMonth() {
    YearMonth previous = YearMonth.now(clock.withZone(zone)).minusMonths(1);
    try {
      if (sla.closeIfDue(previous, zone)) {
        LOG.infof("SLA period %s closed; ServiceCreditsComputed queued", previous);
      }
    } catch (RuntimeException e) {
      // Another replica closing the same period loses the race on the primary key: retried next
      // tick, when it finds the period closed.
      LOG.debugf("closing SLA period %s failed: %s", previous, e.getMessage());
    }
  }
}
