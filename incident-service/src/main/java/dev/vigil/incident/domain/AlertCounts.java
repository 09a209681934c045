package dev.vigil.incident.domain;

import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.Collection;

/**
 * What an incident needs to know about all its alerts, kept as running counts so that applying one
 * alert event never needs the others: how many alerts it holds per severity (the incident's
 * severity is the highest of them, resolved alerts included), how many still fire, and when the
 * last one resolved. Stored on the incident row.
 *
 * @param critical attached alerts whose latest severity is CRITICAL
 * @param warning attached alerts whose latest severity is WARNING
 * @param info attached alerts whose latest severity is INFO
 * @param firing attached alerts still firing
 * @param lastResolvedAt when an attached alert last resolved; {@code null} if none has
 */
public record AlertCounts(int critical, int warning, int info, int firing, Instant lastResolvedAt) {

  public static final AlertCounts NONE = new AlertCounts(0, 0, 0, 0, null);

  public AlertCounts {
    if (critical < 0 || warning < 0 || info < 0 || firing < 0) {
      throw new IllegalArgumentException("negative alert count");
    }
  }

  /** The counts of a complete set of alerts. */
  public static AlertCounts of(Collection<IncidentAlert> alerts) {
    AlertCounts counts = NONE;
    for (IncidentAlert alert : alerts) {
      counts = counts.replace(null, alert);
    }
    return counts;
  }

  /**
   * The counts after one alert changed from {@code before} ({@code null}: newly attached) to {@code
   * after}. Resolution times only grow (one clock), so the latest of them is a running max.
   */
  public AlertCounts replace(IncidentAlert before, IncidentAlert after) {
    int c = critical;
    int w = warning;
    int i = info;
    int f = firing;
    if (before != null) {
      c -= before.severity() == Severity.CRITICAL ? 1 : 0;
      w -= before.severity() == Severity.WARNING ? 1 : 0;
      i -= before.severity() == Severity.INFO ? 1 : 0;
      f -= before.firing() ? 1 : 0;
    }
    c += after.severity() == Severity.CRITICAL ? 1 : 0;
    w += after.severity() == Severity.WARNING ? 1 : 0;
    i += after.severity() == Severity.INFO ? 1 : 0;
    f += after.firing() ? 1 : 0;
    Instant last = lastResolvedAt;
    if (after.resolvedAt() != null && (last == null || after.resolvedAt().isAfter(last))) {
      last = after.resolvedAt();
    }
    return new AlertCounts(c, w, i, f, last);
  }

  /** Number of attached alerts, firing or resolved. */
  public int total() {
    return critical + warning + info;
  }

  /** The highest severity of the attached alerts; {@code null} without alerts. */
  public Severity highest() {
    if (critical > 0) {
      return Severity.CRITICAL;
    }
    if (warning > 0) {
      return Severity.WARNING;
    }
    return info > 0 ? Severity.INFO : null;
  }
}
