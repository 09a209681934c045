package dev.vigil.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Emitted by incident-service once when a reporting period closes: every component's uptime in the
 * period judged against every customer tier's SLA, with the credit owed. Keyed by {@code periodId};
 * billing systems refund from it instead of from a spreadsheet.
 *
 * @param periodId e.g. {@code 2026-06@UTC}
 * @param periodStart start of the period (inclusive)
 * @param periodEnd end of the period (exclusive)
 * @param timeZone the time zone the period's calendar follows
 * @param computedAt when the figures were computed
 * @param results one line per component and tier
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceCreditsComputed(
    String periodId,
    Instant periodStart,
    Instant periodEnd,
    String timeZone,
    Instant computedAt,
    List<Result> results) {

  public ServiceCreditsComputed {
    results = results == null ? List.of() : List.copyOf(results);
  }

  /**
   * @param component component id
   * @param tier customer tier
   * @param uptimePercent measured uptime
   * @param targetPercent promised uptime
   * @param breached uptime below target
   * @param creditPercent credit owed, percent of the period's fee
   * @param downtimeSeconds weighted downtime
   * @param maintenanceSeconds announced maintenance excluded from the measurement
   */
  public record Result(
      String component,
      String tier,
      double uptimePercent,
      double targetPercent,
      boolean breached,
      double creditPercent,
      long downtimeSeconds,
      long maintenanceSeconds) {}
}
