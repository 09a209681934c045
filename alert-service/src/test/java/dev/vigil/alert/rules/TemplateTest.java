package dev.vigil.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateTest {

  private static final CelExpressions CEL = new CelExpressions();

  static Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("observationId", "o1");
    v.put("chainId", "base-mainnet");
    v.put("providerName", "Node one");
    v.put("headAgeSeconds", 42.0);
    v.put("latencyMillis", 12.5);
    v.put("headHeight", 1234L);
    v.put("peerCount", NullValue.NULL_VALUE);
    v.put("labels", Map.of("team", "chain-ops"));
    v.put("findingCodes", List.of("HEAD_STALLED", "SLOW_RPC"));
    return v;
  }

  static Stream<Arguments> renderings() {
    return Stream.of(
        Arguments.of("plain text stays", "no placeholders", "no placeholders"),
        Arguments.of("a string field", "chain {{ chainId }}", "chain base-mainnet"),
        Arguments.of("a whole double prints without .0", "{{ headAgeSeconds }} s", "42 s"),
        Arguments.of("a fractional double keeps its fraction", "{{ latencyMillis }} ms", "12.5 ms"),
        Arguments.of("an int", "#{{ headHeight }}", "#1234"),
        Arguments.of("null prints as nothing", "[{{ peerCount }}]", "[]"),
        Arguments.of("a map entry", "team {{ labels.team }}", "team chain-ops"),
        Arguments.of("a list joins with commas", "{{ findingCodes }}", "HEAD_STALLED, SLOW_RPC"),
        Arguments.of("an expression", "{{ headAgeSeconds > 30.0 ? 'stalled' : 'ok' }}", "stalled"),
        Arguments.of(
            "two placeholders", "{{ chainId }}/{{ providerName }}", "base-mainnet/Node one"),
        Arguments.of("an evaluation error prints <error>", "{{ labels.missing }}", "<error>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderings")
  void renders(String name, String template, String expected) throws Exception {
    Template t = Template.compile(CEL, EventSchema.CHAIN, false, template);
    assertThat(t.render(vars())).isEqualTo(expected);
  }

  @Test
  void misspeltFieldFailsAtCompileTimeWithItsColumn() {
    assertThatThrownBy(() -> Template.compile(CEL, EventSchema.CHAIN, false, "chain {{ chainID }}"))
        .isInstanceOf(CelExpressions.CompileException.class)
        .satisfies(
            e -> {
              CelExpressions.CompileError err =
                  ((CelExpressions.CompileException) e).errors().get(0);
              assertThat(err.message()).contains("undeclared reference to 'chainID'");
              assertThat(err.column()).isEqualTo(10);
            });
  }

  @Test
  void unclosedPlaceholderIsAnError() {
    assertThatThrownBy(() -> Template.compile(CEL, EventSchema.CHAIN, false, "x {{ chainId"))
        .isInstanceOf(CelExpressions.CompileException.class)
        .hasMessageContaining("'{{' without '}}'");
  }
}
