package dev.vigil.scanner.domain;

import dev.vigil.events.CertificateSummary;
import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what is wrong with a served chain. Expiry is judged on every certificate, not just the
 * leaf: an expiring intermediate breaks the chain as surely (the Chromecast outage).
 */
public final class ChainAnalyzer {

  public static final String EXPIRED = "EXPIRED";
  public static final String EXPIRING_SOON = "EXPIRING_SOON";
  public static final String NOT_YET_VALID = "NOT_YET_VALID";

  private static final long SECONDS_PER_DAY = 86_400;

  private final Clock clock;
  private final ExpiryThresholds thresholds;

  public ChainAnalyzer(Clock clock, ExpiryThresholds thresholds) {
    this.clock = clock;
    this.thresholds = thresholds;
  }

  public ChainAnalysis analyze(List<CertificateFacts> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a served chain has at least one certificate");
    }
    Instant now = clock.instant();
    List<CertificateSummary> summaries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int position = 0; position < chain.size(); position++) {
      CertificateFacts cert = chain.get(position);
      long daysLeft = daysBetween(now, cert.notAfter());
      summaries.add(summary(position, cert, daysLeft));
      expiryFinding(position, cert, now, daysLeft).ifPresent(findings::add);
    }
    CertificateFacts earliest =
        chain.stream().min(Comparator.comparing(CertificateFacts::notAfter)).orElseThrow();
    return new ChainAnalysis(
        summaries, earliest.notAfter(), daysBetween(now, earliest.notAfter()), findings);
  }

  /** Whole days from {@code now} to {@code instant}, rounded down (so -0.5 days is -1). */
  static long daysBetween(Instant now, Instant instant) {
    return Math.floorDiv(Duration.between(now, instant).getSeconds(), SECONDS_PER_DAY);
  }

  private Optional<Finding> expiryFinding(
      int position, CertificateFacts cert, Instant now, long daysLeft) {
    Map<String, String> evidence =
        Map.of(
            "notBefore", cert.notBefore().toString(),
            "notAfter", cert.notAfter().toString(),
            "daysLeft", Long.toString(daysLeft));
    String who = position == 0 ? "the leaf certificate" : "chain certificate " + position;
    if (!now.isBefore(cert.notAfter())) {
      return Optional.of(
          new Finding(
              EXPIRED,
              Severity.CRITICAL,
              position,
              who + " (" + cert.subject() + ") expired on " + cert.notAfter(),
              evidence));
    }
    if (now.isBefore(cert.notBefore())) {
      return Optional.of(
          new Finding(
              NOT_YET_VALID,
              Severity.CRITICAL,
              position,
              who + " (" + cert.subject() + ") is not valid before " + cert.notBefore(),
              evidence));
    }
    if (daysLeft < thresholds.warningDays()) {
      Severity severity =
          daysLeft < thresholds.criticalDays() ? Severity.CRITICAL : Severity.WARNING;
      return Optional.of(
          new Finding(
              EXPIRING_SOON,
              severity,
              position,
              who + " (" + cert.subject() + ") expires in " + daysLeft + " days",
              evidence));
    }
    return Optional.empty();
  }

  private static CertificateSummary summary(int position, CertificateFacts c, long daysLeft) {
    return new CertificateSummary(
        position,
        c.subject(),
        c.issuer(),
        c.serialNumber(),
        c.notBefore(),
        c.notAfter(),
        daysLeft,
        c.sha256Fingerprint(),
        c.spkiSha256(),
        c.publicKeyAlgorithm(),
        c.publicKeyBits(),
        c.signatureAlgorithm(),
        c.subjectAltNames(),
        c.selfSigned(),
        c.certificateAuthority());
  }
}
