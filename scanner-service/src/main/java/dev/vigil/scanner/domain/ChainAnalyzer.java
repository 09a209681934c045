package dev.vigil.scanner.domain;

import dev.vigil.events.CertificateSummary;
import dev.vigil.events.Finding;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds what is wrong with a served chain: expiry of every certificate, the leaf's identity, trust,
 * order, key and signature strength. It works on plain facts ({@link CertificateFacts}, {@link
 * ChainVerification}) with an injected clock; the finding catalogue is in {@code DESIGN.md}.
 */
public final class ChainAnalyzer {

  public static final String EXPIRED = FindingCodes.EXPIRED;
  public static final String EXPIRING_SOON = FindingCodes.EXPIRING_SOON;
  public static final String NOT_YET_VALID = FindingCodes.NOT_YET_VALID;

  private final Clock clock;
  private final ExpiryPolicy expiry;

  public ChainAnalyzer(Clock clock, ExpiryPolicy expiry) {
    this.clock = clock;
    this.expiry = expiry;
  }

  public ChainAnalyzer(Clock clock, ExpiryThresholds thresholds) {
    this(clock, ExpiryPolicy.fixed(thresholds));
  }

  /** Expiry and strength only, with the default thresholds: no name and no trust to judge. */
  public ChainAnalysis analyze(List<CertificateFacts> chain) {
    return analyze(null, chain, null);
  }

  /**
   * Every finding about {@code chain}.
   *
   * @param target the endpoint it was served by: its name is verified against the leaf and its
   *     labels choose the expiry thresholds; null skips the name check
   * @param chain the certificates as served, leaf first
   * @param verification the crypto layer's signature and trust facts; null skips trust and order
   */
  public ChainAnalysis analyze(
      TargetSpec target, List<CertificateFacts> chain, ChainVerification verification) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a served chain has at least one certificate");
    }
    if (verification != null && verification.issuerPositions().size() != chain.size()) {
      throw new IllegalArgumentException("verification is about a different chain");
    }
    Instant now = clock.instant();
    ExpiryThresholds thresholds = target == null ? expiry.defaults() : expiry.thresholdsFor(target);
    List<CertificateSummary> summaries = new ArrayList<>(chain.size());
    List<Finding> findings = new ArrayList<>();
    for (int position = 0; position < chain.size(); position++) {
      CertificateFacts cert = chain.get(position);
      summaries.add(summary(position, cert, ExpiryCheck.daysBetween(now, cert.notAfter())));
      ExpiryCheck.check(position, cert, now, thresholds).ifPresent(findings::add);
    }
    if (target != null) {
      IdentityCheck.check(target, chain.get(0)).ifPresent(findings::add);
    }
    if (verification != null) {
      TrustCheck.check(chain, verification, findings);
    }
    StrengthCheck.check(chain, verification, findings);
    CertificateFacts earliest =
        chain.stream().min(Comparator.comparing(CertificateFacts::notAfter)).orElseThrow();
    return new ChainAnalysis(
        summaries,
        earliest.notAfter(),
        ExpiryCheck.daysBetween(now, earliest.notAfter()),
        findings);
  }

  /** Whole days from {@code now} to {@code instant}, rounded down (so -0.5 days is -1). */
  static long daysBetween(Instant now, Instant instant) {
    return ExpiryCheck.daysBetween(now, instant);
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
