package dev.vigil.alert.service.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  /**
   * A broken file, named for the report.
   *
   * @param problems the start of each problem reported, in order
   */
  record Broken(String name, String text, List<String> problems) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@link #VALID} with one edit. */
  static Broken edited(String name, String from, String to, String... problems) {
    assertThat(VALID).contains(from);
    return new Broken(name, VALID.replace(from, to), List.of(problems));
  }

  static Broken file(String name, String text, String... problems) {
    return new Broken(name, text, List.of(problems));
  }

  static Stream<Broken> rejected() {
    return Stream.of(
        edited(
            "misspelt field",
            "    min_open: 2m",
            "    min_opn: 2m",
            "f.yaml:6: breakers[0].min_opn (breaker chain-transfers): unknown field"),
        edited(
            "bad duration",
            "2m",
            "two minutes",
            "f.yaml:6: breakers[0].min_open (breaker chain-transfers): "),
        edited(
            "negative duration",
            "2m",
            "-2m",
            "f.yaml:6: breakers[0].min_open (breaker chain-transfers): "),
        edited(
            "bad matcher, line of the list item",
            "alertname=~\"ChainHeadStalled|ChainRpcFailing\"",
            "alertname~x",
            "f.yaml:5: breakers[0].matchers[0] (breaker chain-transfers): "),
        edited(
            "half_open not a boolean",
            "half_open: false",
            "half_open: sometimes",
            "f.yaml:7: breakers[0].half_open (breaker chain-transfers): expected true or false"),
        edited(
            "upper-case action",
            "[pause-deposits]",
            "[Pause]",
            "f.yaml:8: breakers[0].actions[0] (breaker chain-transfers): "),
        edited(
            "no scope",
            "    scope: 'chain:{{ chain_id }}'\n",
            "",
            "f.yaml:2: breakers[0].scope (breaker chain-transfers): "),
        edited(
            "bad name",
            "name: chain-transfers",
            "name: 'chain transfers'",
            "f.yaml:2: breakers[0].name (breaker chain transfers): required"),
        edited(
            "duplicate breaker name",
            "name: api-routing",
            "name: chain-transfers",
            "f.yaml:9: breakers[1].name (breaker chain-transfers): duplicate breaker"),
        file(
            "two broken breakers, both reported",
            VALID.replace("2m", "x").replace("enabled: false", "enabled: maybe"),
            "f.yaml:6: breakers[0].min_open (breaker chain-transfers): ",
            "f.yaml:10: breakers[1].enabled (breaker api-routing): expected true or false"),
        file(
            "unknown top-level field",
            "rules: []\n" + VALID,
            "f.yaml:1: rules: unknown field; expected 'breakers'"),
        file(
            "breakers not a list", "breakers:\n  name: x\n", "f.yaml:1: breakers: expected a list"),
        file("a list at the root", "- name: x\n", "f.yaml:1: (root): expected 'breakers:'"),
        edited(
            "duplicate key",
            "    min_open: 2m",
            "    min_open: 2m\n    min_open: 3m",
            "f.yaml:7: breakers[0].min_open: duplicate key"),
        edited(
            "YAML syntax error, line of the problem",
            "    half_open: false",
            "    half_open: [false",
            "f.yaml:8: (yaml): "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void aBrokenFileDefinesNothingAndSaysWhereAndWhy(Broken broken) {
    BreakerFile f = BreakerYaml.read("f.yaml", broken.text());

    assertThat(f.valid()).isFalse();
    assertThat(f.specs()).isEmpty();
    assertThat(f.problems()).hasSameSizeAs(broken.problems());
    for (int i = 0; i < broken.problems().size(); i++) {
      assertThat(f.problems().get(i).toString()).startsWith(broken.problems().get(i));
    }
  }
}
