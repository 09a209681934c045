package dev.vigil.incident.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A half-open interval {@code [start, end)} over which uptime is measured: a calendar month in the
 * customer's time zone for service credits, a day for the status page's uptime bars.
 */
public record ReportPeriod(Instant start, Instant end) {

  public ReportPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("period must end after it starts");
    }
  }

  public static ReportPeriod month(YearMonth month, ZoneId zone) {
    return new ReportPeriod(
        month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  public static ReportPeriod day(LocalDate day, ZoneId zone) {
    return new ReportPeriod(
        day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** Whether the period is over at {@code now}: only closed periods get final credit reports. */
  public boolean closedAt(Instant now) {
    return !now.isBefore(end);
  }
}
