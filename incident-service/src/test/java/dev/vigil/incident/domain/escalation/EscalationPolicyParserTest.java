package dev.vigil.incident.domain.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscalationPolicyParserTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("one step", "15m ops", List.of(step(Duration.ofMinutes(15), "ops"))),
        Arguments.of(
            "two steps, several receivers, spaces around separators",
            " 5m  primary ;10m secondary, lead ",
            List.of(
                step(Duration.ofMinutes(5), "primary"),
                step(Duration.ofMinutes(10), "secondary", "lead"))),
        Arguments.of("compound delay", "1h30m ops", List.of(step(Duration.ofMinutes(90), "ops"))),
        Arguments.of("zero delay", "0s ops", List.of(step(Duration.ZERO, "ops"))),
        Arguments.of("milliseconds", "250ms ops", List.of(step(Duration.ofMillis(250), "ops"))),
        Arguments.of("none", "none", List.of()),
        Arguments.of("blank", "  ", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void readsSteps(String name, String text, List<EscalationStep> expected) {
    assertThat(EscalationPolicyParser.steps("p.steps", text)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no receiver", "15m", "x.steps[0]: expected '<delay> <receiver>"),
        Arguments.of("bad delay", "15 minutes ops", "x.steps[0]: bad delay '15'"),
        Arguments.of("unknown unit", "15w ops", "x.steps[0]: bad delay '15w'"),
        Arguments.of("empty receiver in list", "1m a,,b", "x.steps[0]: receiver names"),
        Arguments.of("empty second step", "1m a;;2m b", "x.steps[1]: empty step"),
        Arguments.of("second step bad", "1m a; soon b", "x.steps[1]: bad delay 'soon'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsNamingTheStep(String name, String text, String message) {
    assertThatThrownBy(() -> EscalationPolicyParser.parse("x", null, null, text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vigil.escalation.policies." + message);
  }

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("severity any case", null, "Critical", Severity.CRITICAL, List.of()),
        Arguments.of("components list", "api, web", null, null, List.of("api", "web")),
        Arguments.of("neither", "", "", null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void readsSelectors(
      String name, String components, String severity, Severity sev, List<String> ids) {
    EscalationPolicy p = EscalationPolicyParser.parse("p", components, severity, "1m a");

    assertThat(p.severity()).isEqualTo(sev);
    assertThat(p.components()).containsExactlyInAnyOrderElementsOf(ids);
  }

  @org.junit.jupiter.api.Test
  void rejectsAnUnknownSeverityAndABadName() {
    assertThatThrownBy(() -> EscalationPolicyParser.parse("p", null, "page", "1m a"))
        .hasMessageContaining("vigil.escalation.policies.p.severity: 'page' is not one of");
    assertThatThrownBy(() -> EscalationPolicyParser.parse("bad name", null, null, "1m a"))
        .hasMessageContaining("policy names");
  }

  private static EscalationStep step(Duration delay, String... receivers) {
    return new EscalationStep(delay, List.of(receivers));
  }
}
