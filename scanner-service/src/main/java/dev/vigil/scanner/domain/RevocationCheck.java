package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.RevocationAnswer.Status;
import dev.vigil.scanner.domain.RevocationAnswer.Why;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides what revocation answers mean: whether one is fresh enough to count, how long it may be
 * reused, and which finding a certificate's answers make ({@code REVOKED}, {@code
 * REVOCATION_UNCHECKABLE} or none). The crypto layer fetches and verifies the answers; the rules
 * are here, with an injected clock. The catalogue is in {@code DESIGN.md}.
 */
public final class RevocationCheck {

  /** Tolerated clock difference between the scanner and a responder. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * An answer without nextUpdate ("newer information is always available", RFC 6960 4.2.2.1) still
   * counts for this long after its thisUpdate.
   */
  public static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(7);

  private final Clock clock;
  private final Duration maxCacheAge;

  /**
   * @param maxCacheAge an answer is reused until its nextUpdate, but never longer than this: a
   *     certificate revoked today should not wait a week for the responder's next update to show
   */
  public RevocationCheck(Clock clock, Duration maxCacheAge) {
    this.clock = clock;
    this.maxCacheAge = maxCacheAge;
  }

  /**
   * The answer as it counts now. A good or unknown answer past its nextUpdate (or dated in the
   * future) is {@link Why#STALE}. A revoked answer stays revoked however old it is: revocation is
   * final (RFC 5280 5.3.1), and a replayed old answer can only ever say so.
   */
  public RevocationAnswer judge(RevocationAnswer answer) {
    if (answer.status() == Status.FAILED || answer.status() == Status.REVOKED) {
      return answer;
    }
    Instant now = clock.instant();
    if (answer.thisUpdate() == null) {
      return stale(answer, "the answer has no thisUpdate");
    }
    if (answer.thisUpdate().isAfter(now.plus(CLOCK_SKEW))) {
      return stale(answer, "thisUpdate " + answer.thisUpdate() + " is in the future");
    }
    Instant validUntil =
        answer.nextUpdate() != null
            ? answer.nextUpdate()
            : answer.thisUpdate().plus(MAX_AGE_WITHOUT_NEXT_UPDATE);
    if (validUntil.plus(CLOCK_SKEW).isBefore(now)) {
      return stale(
          answer,
          answer.nextUpdate() != null
              ? "nextUpdate " + answer.nextUpdate() + " has passed"
              : "thisUpdate " + answer.thisUpdate() + " is older than 7 days, and no nextUpdate");
    }
    return answer;
  }

  private static RevocationAnswer stale(RevocationAnswer answer, String detail) {
    return RevocationAnswer.failed(answer.source(), answer.host(), Why.STALE, detail);
  }

  /** Whether a judged answer settles the question, so no further source need be asked. */
  public static boolean conclusive(RevocationAnswer judged) {
    return judged.status() == Status.GOOD || judged.status() == Status.REVOKED;
  }

  /**
   * Until when a signed answer may be reused instead of asking again: its nextUpdate (or thisUpdate
   * plus 7 days without one), at most {@code maxCacheAge} from now. Failures are never kept: a
   * responder that is down now may be up at the next scan.
   */
  public Optional<Instant> keepUntil(RevocationAnswer answer) {
    if (answer.status() == Status.FAILED || answer.thisUpdate() == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant validUntil =
        answer.nextUpdate() != null
            ? answer.nextUpdate()
            : answer.thisUpdate().plus(MAX_AGE_WITHOUT_NEXT_UPDATE);
    Instant capped = now.plus(maxCacheAge);
    Instant until = validUntil.isBefore(capped) ? validUntil : capped;
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** The findings of every checked certificate of {@code chain}. */
  public List<Finding> findings(List<CertificateFacts> chain, List<CertificateRevocation> checked) {
    List<Finding> out = new ArrayList<>();
    for (CertificateRevocation c : checked) {
      finding(chain.get(c.position()), c).ifPresent(out::add);
    }
    return out;
  }

  /**
   * REVOKED when any answer says so; nothing when one says good; nothing when there was nothing to
   * ask; else REVOCATION_UNCHECKABLE with every source's reason.
   */
  Optional<Finding> finding(CertificateFacts cert, CertificateRevocation c) {
    List<RevocationAnswer> answers = c.answers().stream().map(this::judge).toList();
    for (RevocationAnswer a : answers) {
      if (a.status() == Status.REVOKED) {
        return Optional.of(revoked(cert, c.position(), a));
      }
    }
    if (answers.isEmpty() || answers.stream().anyMatch(a -> a.status() == Status.GOOD)) {
      return Optional.empty();
    }
    return Optional.of(uncheckable(cert, c.position(), answers));
  }

  private static Finding revoked(CertificateFacts cert, int position, RevocationAnswer a) {
    String reason = a.reason() == null ? "unspecified" : a.reason();
    Map<String, String> evidence = new HashMap<>();
    evidence.put("source", a.source().label());
    evidence.put("revokedAt", String.valueOf(a.revokedAt()));
    evidence.put("reason", reason);
    evidence.put("serialNumber", cert.serialNumber());
    if (a.host() != null) {
      evidence.put("responderHost", a.host());
    }
    if (a.thisUpdate() != null) {
      evidence.put("thisUpdate", a.thisUpdate().toString());
    }
    return new Finding(
        FindingCodes.REVOKED,
        Severity.CRITICAL,
        position,
        Checks.who(position, cert)
            + " was revoked at "
            + a.revokedAt()
            + " ("
            + reason
            + "), says "
            + describe(a),
        evidence);
  }

  private static Finding uncheckable(
      CertificateFacts cert, int position, List<RevocationAnswer> answers) {
    RevocationAnswer first = answers.get(0);
    Map<String, String> evidence = new HashMap<>();
    evidence.put("why", whyOf(first).name());
    evidence.put("source", first.source().label());
    if (first.host() != null) {
      evidence.put("responderHost", first.host());
    }
    if (first.detail() != null) {
      evidence.put("detail", first.detail());
    }
    evidence.put(
        "attempts",
        answers.stream()
            .map(
                a ->
                    a.source().label()
                        + (a.host() == null ? "" : "@" + a.host())
                        + ":"
                        + whyOf(a).name())
            .collect(Collectors.joining(",")));
    return new Finding(
        FindingCodes.REVOCATION_UNCHECKABLE,
        Severity.WARNING,
        position,
        "the revocation status of "
            + Checks.who(position, cert)
            + " cannot be checked: "
            + answers.stream()
                .map(a -> describe(a) + ": " + explain(a))
                .collect(Collectors.joining("; ")),
        evidence);
  }

  private static Why whyOf(RevocationAnswer a) {
    return a.status() == Status.UNKNOWN ? Why.UNKNOWN_CERTIFICATE : a.why();
  }

  private static String explain(RevocationAnswer a) {
    if (a.status() == Status.UNKNOWN) {
      return "the responder does not know the certificate";
    }
    return a.detail() == null ? a.why().name() : a.why().name() + " (" + a.detail() + ")";
  }

  private static String describe(RevocationAnswer a) {
    return switch (a.source()) {
      case STAPLED_OCSP -> "the stapled OCSP response";
      case OCSP -> "the OCSP responder " + a.host();
      case CRL -> "the CRL at " + a.host();
    };
  }
}
