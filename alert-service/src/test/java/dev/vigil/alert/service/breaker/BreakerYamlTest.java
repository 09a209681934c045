package dev.vigil.alert.service.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Breaker files: what they define, and every problem named by file, line and field. */
class BreakerYamlTest {

  private static final String VALID =
      String.join(
          "\n",
          "breakers:",
          "  - name: chain-transfers",
          "    scope: 'chain:{{ chain_id }}'",
          "    matchers:",
          "      - alertname=~\"ChainHeadStalled|ChainRpcFailing\"",
          "    min_open: 2m",
          "    half_open: false",
          "    actions: [pause-deposits]",
          "  - name: api-routing",
          "    enabled: false",
          "");

  @Test
  void aValidFileGivesItsDefinitionsInOrder() {
    BreakerFile f = BreakerYaml.read("chains.yaml", VALID);

    assertThat(f.valid()).isTrue();
    assertThat(f.specs())
        .extracting(BreakerSpec::name)
        .containsExactly("chain-transfers", "api-routing");
    BreakerSpec chain = f.specs().get(0);
    assertThat(chain.minOpen()).isEqualTo(Duration.ofMinutes(2));
    assertThat(chain.halfOpen()).isFalse();
    assertThat(chain.healthyPeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(f.specs().get(1).enabled()).isFalse();
  }

  @Test
  void anEmptyFileDefinesNothingAndIsValid() {
    assertThat(BreakerYaml.read("empty.yaml", "").valid()).isTrue();
    assertThat(BreakerYaml.read("empty.yaml", "# nothing yet\n").specs()).isEmpty();
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "misspelt field",
            VALID.replace("    min_open: 2m", "    min_opn: 2m"),
            List.of("f.yaml:6: breakers[0].min_opn (breaker chain-transfers): unknown field")),
        Arguments.of(
            "bad duration",
            VALID.replace("2m", "two minutes"),
            List.of("f.yaml:6: breakers[0].min_open (breaker chain-transfers): ")),
        Arguments.of(
            "negative duration",
            VALID.replace("2m", "-2m"),
            List.of("f.yaml:6: breakers[0].min_open (breaker chain-transfers): ")),
        Arguments.of(
            "bad matcher, line of the list item",
            VALID.replace("alertname=~\"ChainHeadStalled|ChainRpcFailing\"", "alertname~x"),
            List.of("f.yaml:5: breakers[0].matchers[0] (breaker chain-transfers): ")),
        Arguments.of(
            "half_open not a boolean",
            VALID.replace("half_open: false", "half_open: sometimes"),
            List.of(
                "f.yaml:7: breakers[0].half_open (breaker chain-transfers): expected true or false")),
        Arguments.of(
            "upper-case action",
            VALID.replace("[pause-deposits]", "[Pause]"),
            List.of("f.yaml:8: breakers[0].actions[0] (breaker chain-transfers): ")),
        Arguments.of(
            "no scope",
            VALID.replace("    scope: 'chain:{{ chain_id }}'\n", ""),
            List.of("f.yaml:2: breakers[0].scope (breaker chain-transfers): ")),
        Arguments.of(
            "bad name",
            VALID.replace("name: chain-transfers", "name: 'chain transfers'"),
            List.of("f.yaml:2: breakers[0].name (breaker chain transfers): required")),
        Arguments.of(
            "duplicate breaker name",
            VALID.replace("name: api-routing", "name: chain-transfers"),
            List.of("f.yaml:9: breakers[1].name (breaker chain-transfers): duplicate breaker")),
        Arguments.of(
            "two broken breakers, both reported",
            VALID.replace("2m", "x").replace("enabled: false", "enabled: maybe"),
            List.of(
                "f.yaml:6: breakers[0].min_open (breaker chain-transfers): ",
                "f.yaml:10: breakers[1].enabled (breaker api-routing): expected true or false")),
        Arguments.of(
            "unknown top-level field",
            "rules: []\n" + VALID,
            List.of("f.yaml:1: rules: unknown field; expected 'breakers'")),
        Arguments.of(
            "breakers not a list",
            "breakers:\n  name: x\n",
            List.of("f.yaml:1: breakers: expected a list")),
        Arguments.of(
            "a list at the root", "- name: x\n", List.of("f.yaml:1: (root): expected 'breakers:'")),
        Arguments.of(
            "duplicate key",
            VALID.replace("    min_open: 2m", "    min_open: 2m\n    min_open: 3m"),
            List.of("f.yaml:7: breakers[0].min_open: duplicate key")),
        Arguments.of(
            "YAML syntax error, line of the problem",
            VALID.replace("    half_open: false", "    half_open: [false"),
            List.of("f.yaml:8: (yaml): ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void aBrokenFileDefinesNothingAndSaysWhereAndWhy(String name, String text, List<String> starts) {
    BreakerFile f = BreakerYaml.read("f.yaml", text);

    assertThat(f.valid()).isFalse();
    assertThat(f.specs()).isEmpty();
    assertThat(f.problems()).hasSameSizeAs(starts);
    for (int i = 0; i < starts.size(); i++) {
      assertThat(f.problems().get(i).toString()).startsWith(starts.get(i));
    }
  }
}
