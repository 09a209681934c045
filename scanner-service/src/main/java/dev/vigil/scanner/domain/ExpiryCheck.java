package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * EXPIRED, NOT_YET_VALID and EXPIRING_SOON for one certificate. Every certificate of the chain is
 * judged, not just the leaf: an expiring intermediate breaks the chain as surely (the Chromecast
 * outage).
 */
final class ExpiryCheck {

  private static final long SECONDS_PER_DAY = 86_400;

  private ExpiryCheck() {}

  /** Whole days from {@code now} to {@code instant}, rounded down (so -0.5 days is -1). */
  static long daysBetween(Instant now, Instant instant) {
    return Math.floorDiv(Duration.between(now, instant).getSeconds(), SECONDS_PER_DAY);
  }

  static Optional<Finding> check(
      int position, CertificateFacts cert, Instant now, ExpiryThresholds thresholds) {
    long daysLeft = daysBetween(now, cert.notAfter());
    Map<String, String> evidence = new HashMap<>();
    evidence.put("notBefore", cert.notBefore().toString());
    evidence.put("notAfter", cert.notAfter().toString());
    evidence.put("daysLeft", Long.toString(daysLeft));
    String who = Checks.who(position, cert);
    if (!now.isBefore(cert.notAfter())) {
      return Optional.of(
          new Finding(
              FindingCodes.EXPIRED,
              Severity.CRITICAL,
              position,
              who + " expired on " + cert.notAfter(),
              evidence));
    }
    if (now.isBefore(cert.notBefore())) {
      return Optional.of(
          new Finding(
              FindingCodes.NOT_YET_VALID,
              Severity.CRITICAL,
              position,
              who + " is not valid before " + cert.notBefore(),
              evidence));
    }
    Severity severity = null;
    if (daysLeft < thresholds.criticalDays()) {
      severity = Severity.CRITICAL;
    } else if (daysLeft < thresholds.warningDays()) {
      severity = Severity.WARNING;
    }
    String message = who + " expires in " + daysLeft + " days";
    if (thresholds.lifetimePercent() != null) {
      long used = lifetimeUsedPercent(cert, now);
      evidence.put("lifetimeUsedPercent", Long.toString(used));
      evidence.put("lifetimePercent", thresholds.lifetimePercent().toString());
      if (used >= thresholds.lifetimePercent()) {
        severity = Severity.max(severity, Severity.WARNING);
        message +=
            ", "
                + used
                + "% of its lifetime used (renewal due at "
                + thresholds.lifetimePercent()
                + "%)";
      }
    }
    if (severity == null) {
      return Optional.empty();
    }
    evidence.put("warningDays", Integer.toString(thresholds.warningDays()));
    evidence.put("criticalDays", Integer.toString(thresholds.criticalDays()));
    return Optional.of(
        new Finding(FindingCodes.EXPIRING_SOON, severity, position, message, evidence));
  }

  /** Share of the validity period already past, in whole percent, rounded down. */
  static long lifetimeUsedPercent(CertificateFacts cert, Instant now) {
    long total = Duration.between(cert.notBefore(), cert.notAfter()).getSeconds();
    if (total <= 0) {
      return 100;
    }
    long used = Duration.between(cert.notBefore(), now).getSeconds();
    return Math.max(0, Math.min(100, used * 100 / total));
  }
}
