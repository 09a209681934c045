package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.RevocationAnswer.Source;
import dev.vigil.scanner.domain.RevocationAnswer.Why;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RevocationCheckTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final RevocationCheck CHECK =
      new RevocationCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
  static final Instant REVOKED_AT = Instant.parse("2026-05-20T08:00:00Z");

  static final CertificateFacts LEAF =
      new CertificateFacts(
          "CN=api.example.com",
          "CN=Issuing CA",
          "0abc12",
          NOW.minus(Duration.ofDays(30)),
          NOW.plus(Duration.ofDays(60)),
          "aa",
          "bb",
          "EC",
          256,
          "SHA256withECDSA",
          List.of("DNS:api.example.com"),
          false,
          false);

  static RevocationAnswer good(Source source, Duration age, Duration nextIn) {
    return RevocationAnswer.good(
        source, host(source), NOW.minus(age), nextIn == null ? null : NOW.plus(nextIn));
  }

  static RevocationAnswer revoked(Source source, String reason) {
    return RevocationAnswer.revoked(
        source,
        host(source),
        NOW.minus(Duration.ofHours(1)),
        NOW.plus(Duration.ofDays(1)),
        REVOKED_AT,
        reason);
  }

  static RevocationAnswer failed(Source source, Why why) {
    return RevocationAnswer.failed(source, host(source), why, "detail of " + why);
  }

  static String host(Source source) {
    return switch (source) {
      case STAPLED_OCSP -> null;
      case OCSP -> "ocsp.example.com";
      case CRL -> "crl.example.com";
    };
  }

  /** What a case must yield: the code (null = no finding), its severity and some evidence. */
  record Expect(String code, Severity severity, Map<String, String> evidence) {
    static Expect none() {
      return new Expect(null, null, Map.of());
    }
  }

  static Arguments row(String name, List<RevocationAnswer> answers, Expect expect) {
    return Arguments.of(Named.of(name, answers), expect);
  }

  static Stream<Arguments> cases() {
    Duration hour = Duration.ofHours(1);
    Duration day = Duration.ofDays(1);
    return Stream.of(
        row("nothing to ask", List.of(), Expect.none()),
        row("stapled good and fresh", List.of(good(Source.STAPLED_OCSP, hour, day)), Expect.none()),
        row("ocsp good", List.of(good(Source.OCSP, hour, day)), Expect.none()),
        row(
            "crl good after the responder timed out",
            List.of(failed(Source.OCSP, Why.TIMEOUT), good(Source.CRL, hour, day)),
            Expect.none()),
        row(
            "stapled revoked",
            List.of(revoked(Source.STAPLED_OCSP, "keyCompromise")),
            new Expect(
                "REVOKED",
                Severity.CRITICAL,
                Map.of(
                    "source",
                    "stapled-ocsp",
                    "reason",
                    "keyCompromise",
                    "revokedAt",
                    "2026-05-20T08:00:00Z",
                    "serialNumber",
                    "0abc12"))),
        row(
            "ocsp revoked without a reason",
            List.of(revoked(Source.OCSP, null)),
            new Expect(
                "REVOKED",
                Severity.CRITICAL,
                Map.of(
                    "source",
                    "ocsp",
                    "reason",
                    "unspecified",
                    "responderHost",
                    "ocsp.example.com"))),
        row(
            "crl revoked after an unreachable responder",
            List.of(failed(Source.OCSP, Why.UNREACHABLE), revoked(Source.CRL, "superseded")),
            new Expect(
                "REVOKED",
                Severity.CRITICAL,
                Map.of(
                    "source", "crl", "reason", "superseded", "responderHost", "crl.example.com"))),
        row(
            "a revoked answer past its nextUpdate is still revoked",
            List.of(
                RevocationAnswer.revoked(
                    Source.OCSP,
                    "ocsp.example.com",
                    NOW.minus(Duration.ofDays(30)),
                    NOW.minus(Duration.ofDays(20)),
                    REVOKED_AT,
                    "keyCompromise")),
            new Expect("REVOKED", Severity.CRITICAL, Map.of("source", "ocsp"))),
        row(
            "responder down",
            List.of(failed(Source.OCSP, Why.UNREACHABLE)),
            new Expect(
                "REVOCATION_UNCHECKABLE",
                Severity.WARNING,
                Map.of(
                    "why",
                    "UNREACHABLE",
                    "source",
                    "ocsp",
                    "responderHost",
                    "ocsp.example.com",
                    "detail",
                    "detail of UNREACHABLE",
                    "attempts",
                    "ocsp@ocsp.example.com:UNREACHABLE"))),
        row(
            "responder says tryLater",
            List.of(failed(Source.OCSP, Why.TRY_LATER)),
            new Expect("REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "TRY_LATER"))),
        row(
            "responder says unauthorized",
            List.of(failed(Source.OCSP, Why.UNAUTHORIZED)),
            new Expect("REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "UNAUTHORIZED"))),
        row(
            "responder does not know the certificate",
            List.of(RevocationAnswer.unknown(Source.OCSP, "ocsp.example.com", NOW, NOW.plus(day))),
            new Expect(
                "REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "UNKNOWN_CERTIFICATE"))),
        row(
            "only an LDAP distribution point",
            List.of(failed(Source.CRL, Why.UNSUPPORTED_URL)),
            new Expect(
                "REVOCATION_UNCHECKABLE",
                Severity.WARNING,
                Map.of("why", "UNSUPPORTED_URL", "source", "crl"))),
        row(
            "every source failed: the first one's reason, all attempts listed",
            List.of(
                failed(Source.STAPLED_OCSP, Why.BAD_SIGNATURE),
                failed(Source.OCSP, Why.TIMEOUT),
                failed(Source.CRL, Why.TOO_LARGE)),
            new Expect(
                "REVOCATION_UNCHECKABLE",
                Severity.WARNING,
                Map.of(
                    "why",
                    "BAD_SIGNATURE",
                    "source",
                    "stapled-ocsp",
                    "attempts",
                    "stapled-ocsp:BAD_SIGNATURE,ocsp@ocsp.example.com:TIMEOUT,"
                        + "crl@crl.example.com:TOO_LARGE"))),
        row(
            "good but nextUpdate passed",
            List.of(good(Source.OCSP, day, hour.negated())),
            new Expect("REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "STALE"))),
        row(
            "good, nextUpdate passed within the clock skew",
            List.of(good(Source.OCSP, day, Duration.ofMinutes(-4))),
            Expect.none()),
        row(
            "good but dated in the future",
            List.of(good(Source.OCSP, Duration.ofMinutes(-10), day)),
            new Expect("REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "STALE"))),
        row(
            "good without nextUpdate, three days old",
            List.of(good(Source.OCSP, Duration.ofDays(3), null)),
            Expect.none()),
        row(
            "good without nextUpdate, eight days old",
            List.of(good(Source.OCSP, Duration.ofDays(8), null)),
            new Expect("REVOCATION_UNCHECKABLE", Severity.WARNING, Map.of("why", "STALE"))),
        row(
            "stale staple, fresh good from the responder",
            List.of(
                good(Source.STAPLED_OCSP, Duration.ofDays(9), Duration.ofDays(-2)),
                good(Source.OCSP, hour, day)),
            Expect.none()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersMakeTheirFinding(List<RevocationAnswer> answers, Expect expect) {
    List<Finding> findings =
        CHECK.findings(List.of(LEAF), List.of(new CertificateRevocation(0, answers)));

    if (expect.code() == null) {
      assertThat(findings).isEmpty();
      return;
    }
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(expect.code());
              assertThat(f.severity()).isEqualTo(expect.severity());
              assertThat(f.certificatePosition()).isZero();
              assertThat(f.evidence()).containsAllEntriesOf(expect.evidence());
              assertThat(f.message()).contains("CN=api.example.com");
            });
  }

  static Stream<Arguments> keepUntil() {
    Duration hour = Duration.ofHours(1);
    return Stream.of(
        Arguments.of(
            Named.of("nextUpdate within the cap", good(Source.OCSP, hour, Duration.ofMinutes(20))),
            Optional.of(NOW.plus(Duration.ofMinutes(20)))),
        Arguments.of(
            Named.of(
                "nextUpdate beyond the cap is capped", good(Source.OCSP, hour, Duration.ofDays(7))),
            Optional.of(NOW.plus(hour))),
        Arguments.of(
            Named.of("nextUpdate passed", good(Source.OCSP, hour, hour.negated())),
            Optional.empty()),
        Arguments.of(
            Named.of("no nextUpdate: the cap", good(Source.OCSP, hour, null)),
            Optional.of(NOW.plus(hour))),
        Arguments.of(
            Named.of(
                "revoked: until its nextUpdate, capped", revoked(Source.OCSP, "keyCompromise")),
            Optional.of(NOW.plus(hour))),
        Arguments.of(
            Named.of("failures are never kept", failed(Source.OCSP, Why.TIMEOUT)),
            Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void keepUntil(RevocationAnswer answer, Optional<Instant> until) {
    assertThat(CHECK.keepUntil(answer)).isEqualTo(until);
  }

  @Test
  void onlyGoodAndRevokedSettleTheQuestion() {
    assertThat(RevocationCheck.conclusive(good(Source.OCSP, Duration.ZERO, Duration.ofDays(1))))
        .isTrue();
    assertThat(RevocationCheck.conclusive(revoked(Source.CRL, null))).isTrue();
    assertThat(RevocationCheck.conclusive(RevocationAnswer.unknown(Source.OCSP, "h", NOW, null)))
        .isFalse();
    assertThat(RevocationCheck.conclusive(failed(Source.OCSP, Why.TIMEOUT))).isFalse();
    assertThat(
            RevocationCheck.conclusive(
                CHECK.judge(good(Source.OCSP, Duration.ofDays(2), Duration.ofDays(-1)))))
        .isFalse();
  }

  @Test
  void eachCheckedCertificateGetsItsOwnFinding() {
    CertificateFacts intermediate =
        new CertificateFacts(
            "CN=Issuing CA",
            "CN=Root",
            "07",
            NOW.minus(Duration.ofDays(300)),
            NOW.plus(Duration.ofDays(300)),
            "cc",
            "dd",
            "EC",
            256,
            "SHA256withECDSA",
            List.of(),
            false,
            true);

    List<Finding> findings =
        CHECK.findings(
            List.of(LEAF, intermediate),
            List.of(
                new CertificateRevocation(
                    0, List.of(good(Source.OCSP, Duration.ZERO, Duration.ofDays(1)))),
                new CertificateRevocation(1, List.of(revoked(Source.CRL, "cACompromise")))));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.certificatePosition()).isEqualTo(1);
              assertThat(f.evidence()).containsEntry("serialNumber", "07");
              assertThat(f.message()).startsWith("chain certificate 1 (CN=Issuing CA) was revoked");
            });
  }
}
