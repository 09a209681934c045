package dev.vigil.scanner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPolicyTest {

  private static final ExpiryThresholds DEFAULTS = ExpiryThresholds.DEFAULT;
  private static final ExpiryThresholds PROD = new ExpiryThresholds(45, 21);
  private static final ExpiryThresholds PAYMENTS_PROD = new ExpiryThresholds(60, 30, 67);
  private static final ExpiryThresholds ANY_TEAM = new ExpiryThresholds(10, 5);

  private static final ExpiryPolicy POLICY =
      ExpiryPolicy.labelRules(
          List.of(
              new ExpiryRule(Map.of("team", "payments", "env", "prod"), PAYMENTS_PROD),
              new ExpiryRule(Map.of("env", "prod"), PROD),
              new ExpiryRule(Map.of("env", "dev"), ANY_TEAM)),
          DEFAULTS);

  static Stream<Arguments> cases() {
    return Stream.of(
        row("no labels get the defaults", Map.of(), DEFAULTS),
        row("env=prod gets the prod rule", Map.of("env", "prod"), PROD),
        row(
            "the first matching rule wins, not the broadest",
            Map.of("env", "prod", "team", "payments"),
            PAYMENTS_PROD),
        row("all match labels must be present", Map.of("team", "payments"), DEFAULTS),
        row(
            "extra labels do not stop a match",
            Map.of("env", "prod", "team", "search", "region", "eu"),
            PROD),
        row("values compare exactly", Map.of("env", "Prod"), DEFAULTS),
        row("another value of a matched key", Map.of("env", "staging"), DEFAULTS),
        row("a later rule is reached", Map.of("env", "dev"), ANY_TEAM));
  }

  private static Arguments row(String name, Map<String, String> labels, ExpiryThresholds want) {
    return Arguments.of(Named.of(name, labels), want);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstMatchingRuleWins(Map<String, String> labels, ExpiryThresholds expected) {
    assertThat(POLICY.thresholdsFor(new TargetSpec("h.example", 443, null, labels)))
        .isEqualTo(expected);
  }

  @Test
  void emptyMatchMatchesEveryTarget() {
    ExpiryPolicy policy =
        ExpiryPolicy.labelRules(List.of(new ExpiryRule(Map.of(), PROD)), DEFAULTS);
    assertThat(policy.thresholdsFor(new TargetSpec("h.example", 443, null, Map.of())))
        .isEqualTo(PROD);
  }

  @Test
  void aTargetOverrideIsConsultedBeforeTheLabelRules() {
    ExpiryThresholds own = new ExpiryThresholds(90, 60);
    ExpiryPolicy withOverride =
        POLICY.withFirst(
            target ->
                "special.example".equals(target.host()) ? Optional.of(own) : Optional.empty());
    assertThat(
            withOverride.thresholdsFor(
                new TargetSpec("special.example", 443, null, Map.of("env", "prod"))))
        .isEqualTo(own);
    assertThat(
            withOverride.thresholdsFor(
                new TargetSpec("other.example", 443, null, Map.of("env", "prod"))))
        .isEqualTo(PROD);
  }

  @Test
  void thresholdsAreValidated() {
    assertThatThrownBy(() -> new ExpiryThresholds(10, 14))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpiryThresholds(28, 14, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpiryThresholds(28, 14, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
