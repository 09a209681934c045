package dev.vigil.alert.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelMatcherTest {

  private static final Map<String, String> LABELS =
      Map.of("alertname", "ChainLag", "severity", "critical", "chain", "op-mainnet");

  static Stream<Arguments> matching() {
    return Stream.of(
        Arguments.of("equal, unquoted", "severity=critical", true),
        Arguments.of("equal, quoted", "severity=\"critical\"", true),
        Arguments.of("equal, other value", "severity=\"warning\"", false),
        Arguments.of("not equal", "severity!=warning", true),
        Arguments.of("not equal, same value", "severity!=\"critical\"", false),
        Arguments.of("regex, full match", "severity=~\"crit.*\"", true),
        Arguments.of("regex is anchored at the end", "severity=~\"crit\"", false),
        Arguments.of("regex is anchored at the start", "severity=~\"ritical\"", false),
        Arguments.of(
            "regex alternation is anchored as a whole", "severity=~\"warning|critical\"", true),
        Arguments.of("negative regex", "chain!~\"op-.*\"", false),
        Arguments.of("negative regex, no match", "chain!~\"arb-.*\"", true),
        Arguments.of("missing label equals the empty string", "team=\"\"", true),
        Arguments.of("missing label does not equal a value", "team=\"infra\"", false),
        Arguments.of("missing label matches .*", "team=~\".*\"", true),
        Arguments.of("spaces around the operator", "  severity  =  \"critical\" ", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matching")
  void matchesAsAlertmanagerDoes(String name, String matcher, boolean expected) {
    assertThat(LabelMatcher.parse(matcher).matches(LABELS)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no operator", "severity", "bad matcher"),
        Arguments.of("bad label name", "1abc=x", "bad matcher"),
        Arguments.of("unterminated quote", "a=\"x", "unterminated quote"),
        Arguments.of("stray quote", "a=x\"", "stray quote"),
        Arguments.of("bad regex", "a=~\"(\"", "invalid regex"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWithAClearMessage(String name, String text, String message) {
    assertThatThrownBy(() -> LabelMatcher.parse(text)).hasMessageContaining(message);
  }

  static Stream<Arguments> printing() {
    return Stream.of(
        Arguments.of("a=b", "a=\"b\""),
        Arguments.of("a!~\"x|y\"", "a!~\"x|y\""),
        Arguments.of("a=\"say \\\"hi\\\"\"", "a=\"say \\\"hi\\\"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("printing")
  void printsTheCanonicalForm(String text, String printed) {
    assertThat(LabelMatcher.parse(text).toString()).isEqualTo(printed);
    assertThat(LabelMatcher.parse(printed)).isEqualTo(LabelMatcher.parse(text));
  }
}
