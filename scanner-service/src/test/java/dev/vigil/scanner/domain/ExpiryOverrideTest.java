package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Precedence of expiry thresholds: target override, then label rule, then defaults. */
class ExpiryOverrideTest {

  private static final ExpiryThresholds PROD = new ExpiryThresholds(45, 21);
  private static final ExpiryPolicy POLICY =
      ExpiryPolicy.labelRules(
          List.of(new ExpiryRule(Map.of("env", "prod"), PROD)), ExpiryThresholds.DEFAULT);

  static Stream<Arguments> precedence() {
    return Stream.of(
        row("no override, no rule: defaults", Map.of(), null, null, null, 28, 14, null),
        row("no override, prod rule", Map.of("env", "prod"), null, null, null, 45, 21, null),
        row("override beats the default", Map.of(), 60, 30, null, 60, 30, null),
        row("override beats the rule", Map.of("env", "prod"), 10, 5, 80, 10, 5, 80),
        row(
            "only warning: critical from the rule",
            Map.of("env", "prod"),
            50,
            null,
            null,
            50,
            21,
            null),
        row(
            "only critical: warning from the rule",
            Map.of("env", "prod"),
            null,
            30,
            null,
            45,
            30,
            null),
        row("only lifetime: days from the defaults", Map.of(), null, null, 67, 28, 14, 67),
        row(
            "critical above the inherited warning raises it",
            Map.of(),
            null,
            40,
            null,
            40,
            40,
            null),
        row("warning below the inherited critical lowers it", Map.of(), 7, null, null, 7, 7, null),
        row("zero days turns the day thresholds off", Map.of(), 0, 0, null, 0, 0, null));
  }

  private static Arguments row(
      String name,
      Map<String, String> labels,
      Integer warning,
      Integer critical,
      Integer lifetime,
      int wantWarning,
      int wantCritical,
      Integer wantLifetime) {
    return Arguments.of(
        Named.of(name, labels),
        new ExpiryOverride(warning, critical, lifetime),
        new ExpiryThresholds(wantWarning, wantCritical, wantLifetime));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  void targetThenLabelRuleThenDefault(
      Map<String, String> labels, ExpiryOverride own, ExpiryThresholds expected) {
    TargetSpec target = new TargetSpec("h.example", 443, null, labels, StartTls.NONE, false, own);
    assertThat(POLICY.thresholdsFor(target)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad("negative warning", -1, null, null, "warningDays"),
        bad("warning beyond ten years", 3651, null, null, "warningDays"),
        bad("negative critical", null, -5, null, "criticalDays"),
        bad("critical after warning", 10, 20, null, "criticalDays"),
        bad("lifetime zero", null, null, 0, "lifetimePercent"),
        bad("lifetime above 100", null, null, 101, "lifetimePercent"));
  }

  private static Arguments bad(
      String name, Integer warning, Integer critical, Integer lifetime, String field) {
    return Arguments.of(Named.of(name, new ExpiryOverride(warning, critical, lifetime)), field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidOverridesNameTheirField(ExpiryOverride own, String field) {
    TargetSpec target = new TargetSpec("h.example", 443, null, Map.of(), StartTls.NONE, false, own);
    assertThat(target.violations(AddressPolicy.defaults()))
        .extracting(FieldViolation::field)
        .containsExactly(field);
  }

  static Stream<Arguments> severity() {
    // A leaf valid for 90 days, 30 days left (67% of its lifetime used).
    return Stream.of(
        sev("defaults: 30 days left is fine", null, null, null, null),
        sev("warning at 45 days", 45, null, null, "WARNING"),
        sev("critical at 31 days", 60, 31, null, "CRITICAL"),
        sev("past 60% of lifetime", null, null, 60, "WARNING"),
        sev("not yet 70% of lifetime", null, null, 70, null));
  }

  private static Arguments sev(
      String name, Integer warning, Integer critical, Integer lifetime, String severity) {
    return Arguments.of(Named.of(name, new ExpiryOverride(warning, critical, lifetime)), severity);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("severity")
  void overrideDecidesTheSeverityOfExpiringSoon(ExpiryOverride own, String severity) {
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    CertificateFacts leaf =
        ChainAnalyzerTest.cert(
            "h.example", now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(30)));
    ChainAnalyzer analyzer = new ChainAnalyzer(Clock.fixed(now, ZoneOffset.UTC), POLICY);
    TargetSpec target = new TargetSpec("h.example", 443, null, Map.of(), StartTls.NONE, false, own);

    var expiring =
        analyzer.analyze(target, List.of(leaf), null).findings().stream()
            .filter(f -> f.code().equals(FindingCodes.EXPIRING_SOON))
            .map(f -> f.severity().name())
            .toList();

    assertThat(expiring).isEqualTo(severity == null ? List.of() : List.of(severity));
  }
}
