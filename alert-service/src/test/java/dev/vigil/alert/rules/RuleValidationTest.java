package dev.vigil.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.TestRules;
import dev.vigil.alert.domain.rule.RuleProblem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken rule file is rejected as a whole, and every problem names its line and field. */
class RuleValidationTest {

  private static final String HEAD =
      """
      rules:
        - name: Good
          source: dev.vigil.chain.health.observed.v1
          expr: headAgeSeconds > 60.0
        - name: Bad
          source: dev.vigil.chain.health.observed.v1
      """;

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "misspelt variable",
            HEAD + "    expr: headAge > 60.0\n",
            7,
            "rules[1].expr",
            "undeclared reference to 'headAge'"),
        Arguments.of(
            "int times double",
            HEAD + "    expr: headAgeSeconds > 3 * expectedBlockTimeSeconds\n",
            7,
            "rules[1].expr",
            "no matching overload"),
        Arguments.of(
            "not a condition",
            HEAD + "    expr: headAgeSeconds\n",
            7,
            "rules[1].expr",
            "expected type 'bool'"),
        Arguments.of(
            "error on the second line of a block",
            HEAD + "    expr: |\n      headAgeSeconds > 1.0 &&\n      peers > 3\n",
            9,
            "rules[1].expr",
            "undeclared reference to 'peers'"),
        Arguments.of("missing expr", HEAD, 5, "rules[1].expr", "is required"),
        Arguments.of(
            "unknown field",
            HEAD + "    expr: syncing == true\n    keep_firing: 5m\n",
            8,
            "rules[1].keep_firing",
            "unknown field"),
        Arguments.of(
            "bad duration",
            HEAD + "    expr: syncing == true\n    for: five minutes\n",
            8,
            "rules[1].for",
            "not a duration"),
        Arguments.of(
            "bad severity",
            HEAD + "    expr: syncing == true\n    severity: urgent\n",
            8,
            "rules[1].severity",
            "must be info, warning, critical"),
        Arguments.of(
            "misspelt field in a label template",
            HEAD + "    expr: syncing == true\n    labels:\n      chain: \"{{ chain }}\"\n",
            9,
            "rules[1].labels.chain",
            "undeclared reference to 'chain'"),
        Arguments.of(
            "for_each over nothing",
            HEAD + "    expr: syncing == true\n    for_each: peers\n",
            8,
            "rules[1].for_each",
            "only 'finding'"),
        Arguments.of(
            "bad rule name",
            HEAD.replace("name: Bad", "name: bad-name") + "    expr: syncing == true\n",
            5,
            "rules[1].name",
            "must match"),
        Arguments.of(
            "duplicate name",
            HEAD.replace("name: Bad", "name: Good") + "    expr: syncing == true\n",
            5,
            "rules[1].name",
            "duplicate rule name"),
        Arguments.of("YAML syntax", HEAD + "    expr: [unclosed\n", 8, "(yaml)", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void rejectsTheWholeFile(String name, String yaml, int line, String field, String message) {
    RuleFile f = RuleFile.compile(TestRules.COMPILER, "team.yaml", yaml);

    assertThat(f.valid()).isFalse();
    assertThat(f.rules()).as("all or nothing: the good rule is not loaded either").isEmpty();
    RuleProblem p = f.problems().get(0);
    assertThat(p.origin()).isEqualTo("team.yaml");
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.line()).isEqualTo(line);
    assertThat(p.message()).contains(message);
  }

  @Test
  void problemReadsAsFileLineFieldRuleAndMessage() {
    RuleFile f =
        RuleFile.compile(TestRules.COMPILER, "team.yaml", HEAD + "    expr: headAge > 1.0\n");
    assertThat(f.problems().get(0).toString())
        .startsWith("team.yaml:7: rules[1].expr (rule Bad): CEL, column 1: undeclared reference");
  }

  @Test
  void validFileCompilesEveryRule() {
    RuleFile f =
        RuleFile.compile(TestRules.COMPILER, "team.yaml", HEAD + "    expr: syncing == true\n");
    assertThat(f.problems()).isEmpty();
    assertThat(f.rules()).extracting(CompiledRule::name).containsExactly("Good", "Bad");
  }

  @Test
  void laterLayerOverridesByNameAndDisabledRemoves() {
    RuleFile override =
        RuleFile.compile(
            TestRules.COMPILER,
            "override.yaml",
            """
            rules:
              - name: CertificateExpiring
                source: dev.vigil.certificate.scanned.v1
                expr: daysLeft < 60
              - name: CertificateWeakCrypto
                enabled: false
            """);
    RuleSet merged = RuleSet.merge(List.of(TestRules.pack("certificates.yaml"), override));
    assertThat(merged.rule("CertificateExpiring").orElseThrow().spec().expr())
        .isEqualTo("daysLeft < 60");
    assertThat(merged.rule("CertificateWeakCrypto")).isEmpty();
    assertThat(merged.rule("CertificateExpired")).isPresent();
  }

  @Test
  void inboundRulesSeeDataAsADynamicMap() {
    RuleFile f =
        RuleFile.compile(
            TestRules.COMPILER,
            "inbound.yaml",
            """
            rules:
              - name: DeployFailed
                source: com.example.deploy.finished.v1
                expr: data.result == 'failed' && data.env == 'prod'
                labels:
                  service: "{{ data.service }}"
            """);
    assertThat(f.problems()).isEmpty();
    Facts facts =
        FactSheets.inbound(
            "e1",
            "com.example.deploy.finished.v1",
            "/ci",
            "payments",
            null,
            java.util.Map.of(
                "result", "failed", "env", "prod", "service", "payments-api", "attempt", 3));
    RuleInstance i = f.rules().get(0).evaluate(facts).instances().get(0);
    assertThat(i.observation()).isEqualTo(dev.vigil.alert.domain.Observation.MATCH);
    assertThat(i.labels())
        .containsEntry("service", "payments-api")
        .containsEntry("target_id", "payments")
        .containsEntry("alertname", "DeployFailed");
  }
}
