package dev.vigil.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.TestScans;
import dev.vigil.alert.domain.Fingerprint;
import dev.vigil.alert.domain.Observation;
import dev.vigil.events.CertificateScanned;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped packs load, and keep the behaviour of the former built-in certificate rule. */
class DefaultRulePacksTest {

  private static final RuleSet DEFAULTS = dev.vigil.alert.TestRules.DEFAULTS;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"certificates.yaml", "chains.yaml", "apis.yaml"})
  void everyPackCompiles(String pack) {
    RuleFile file = dev.vigil.alert.TestRules.pack(pack);
    assertThat(file.problems()).isEmpty();
    assertThat(file.rules()).isNotEmpty();
  }

  static Stream<Arguments> expiry() {
    return Stream.of(
        Arguments.of("90 days: healthy", 90L, null, "expires in 90 days"),
        Arguments.of("28 days: healthy", 28L, null, "expires in 28 days"),
        Arguments.of("27 days: warning", 27L, Severity.WARNING, "expires in 27 days"),
        Arguments.of("14 days: warning", 14L, Severity.WARNING, "expires in 14 days"),
        Arguments.of("13 days: critical", 13L, Severity.CRITICAL, "expires in 13 days"),
        Arguments.of("1 day: critical", 1L, Severity.CRITICAL, "expires in 1 day"),
        Arguments.of("0 days: critical", 0L, Severity.CRITICAL, "expires today"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expiry")
  void certificateExpiringJudgesDaysLeft(
      String name, long daysLeft, Severity severity, String expiry) {
    RuleInstance i =
        instance("CertificateExpiring", TestScans.completed("t1", "a.example.com", daysLeft));
    if (severity == null) {
      assertThat(i.observation()).isEqualTo(Observation.RECOVERED);
    } else {
      assertThat(i.observation()).isEqualTo(Observation.MATCH);
      assertThat(i.severity()).isEqualTo(severity);
      assertThat(i.value()).isEqualTo((double) daysLeft);
    }
    assertThat(i.annotations())
        .containsEntry("summary", "Certificate for a.example.com:443 " + expiry);
  }

  @Test
  void expiredCertificateFiresCertificateExpiredInstead() {
    CertificateScanned scan = TestScans.completed("t1", "a.example.com", -3);
    assertThat(instance("CertificateExpiring", scan).observation())
        .isEqualTo(Observation.RECOVERED);
    RuleInstance expired = instance("CertificateExpired", scan);
    assertThat(expired.observation()).isEqualTo(Observation.MATCH);
    assertThat(expired.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(expired.annotations().get("summary")).endsWith("expired 3 days ago");
  }

  @Test
  void unreachableTargetGivesNoDataToCertificateRules() {
    CertificateScanned scan = TestScans.unreachable("t1", "a.example.com");
    assertThat(outcome("CertificateExpiring", scan).noData()).isTrue();
    assertThat(outcome("CertificateHostnameMismatch", scan).noData()).isTrue();
    assertThat(instance("CertificateTargetUnreachable", scan).observation())
        .isEqualTo(Observation.MATCH);
  }

  @Test
  void firingAlertCarriesIdentifyingLabelsAndTargetLabelsAndTheFormerFingerprint() {
    CertificateScanned scan =
        TestScans.completed(
            "t1", "a.example.com", 5, Map.of("team", "payments", "host", "forged", "env", "prod"));
    RuleInstance i = instance("CertificateExpiring", scan);
    Map<String, String> expected =
        Map.of(
            "alertname", "CertificateExpiring",
            "target_id", "t1",
            "host", "a.example.com",
            "port", "443",
            "team", "payments",
            "env", "prod");
    assertThat(i.labels()).isEqualTo(expected);
    assertThat(i.fingerprint()).isEqualTo(Fingerprint.of(expected));
    assertThat(i.annotations().get("description"))
        .startsWith("Subject: CN=a.example.com; issuer: CN=Vigil Test CA");
  }

  @Test
  void severityIsNotPartOfTheIdentity() {
    assertThat(instance("CertificateExpiring", TestScans.completed("t1", "a", 20)).fingerprint())
        .isEqualTo(
            instance("CertificateExpiring", TestScans.completed("t1", "a", 3)).fingerprint());
  }

  @Test
  void eachUntrustedFindingIsItsOwnAlert() {
    CertificateScanned scan =
        TestScans.completed("t1", "a.example.com", 200)
            .withFindings(
                List.of(
                    finding("SELF_SIGNED"), finding("INCOMPLETE_CHAIN"), finding("LONG_VALIDITY")));
    RuleOutcome o = outcome("CertificateUntrusted", scan);
    assertThat(o.instances())
        .extracting(i -> i.labels().get("finding"))
        .containsExactly("SELF_SIGNED", "INCOMPLETE_CHAIN");
    assertThat(o.instances()).extracting(RuleInstance::fingerprint).doesNotHaveDuplicates();
    assertThat(o.instances().get(0).annotations().get("summary"))
        .isEqualTo("Certificate for a.example.com:443: SELF_SIGNED");
  }

  @Test
  void stalledHeadFiresAndRecoversOnlyBelowTwoBlockTimes() {
    assertThat(instance("ChainHeadStalled", chain(40.0, 12.0)).observation())
        .isEqualTo(Observation.MATCH);
    assertThat(instance("ChainHeadStalled", chain(30.0, 12.0)).observation())
        .isEqualTo(Observation.HOLD);
    assertThat(instance("ChainHeadStalled", chain(20.0, 12.0)).observation())
        .isEqualTo(Observation.RECOVERED);
    RuleInstance stalled = instance("ChainHeadStalled", chain(40.0, 12.0));
    assertThat(stalled.labels())
        .containsEntry("chain_id", "base-mainnet")
        .containsEntry("provider_id", "p1")
        .containsEntry("target_id", "p1");
    assertThat(stalled.annotations().get("summary"))
        .isEqualTo("base-mainnet via Node one: no new block for 40 s (block time 12 s)");
  }

  @Test
  void missingHeadAgeIsNoDataNotRecovery() {
    assertThat(instance("ChainHeadStalled", chain(null, 12.0)).observation())
        .isEqualTo(Observation.NO_DATA);
  }

  @Test
  void apiWithAnotherStatusThan200Fires() {
    ChainHealthObserved api = api(503);
    assertThat(instance("ApiUnexpectedStatus", api).observation()).isEqualTo(Observation.MATCH);
    assertThat(instance("ApiUnexpectedStatus", api(200)).observation())
        .isEqualTo(Observation.RECOVERED);
    assertThat(outcome("ChainHeadStalled", api).noData()).isTrue();
  }

  static Finding finding(String code) {
    return new Finding(code, Severity.CRITICAL, 0, code + " found", Map.of());
  }

  static ChainHealthObserved chain(Double headAge, Double blockTime) {
    return new ChainHealthObserved(
        "o1",
        "base-mainnet",
        "p1",
        "Node one",
        "RPC",
        "OP_STACK",
        Map.of("env", "prod"),
        Instant.parse("2026-03-01T10:00:00Z"),
        HealthStatus.HEALTHY,
        "8453",
        "8453",
        100L,
        "0xab",
        null,
        headAge,
        blockTime,
        1L,
        null,
        null,
        null,
        null,
        null,
        0L,
        false,
        10,
        50.0,
        null,
        List.of());
  }

  static ChainHealthObserved api(Integer status) {
    return new ChainHealthObserved(
        "o2",
        "base-mainnet",
        "api1",
        "Explorer API",
        "API",
        "HTTP",
        Map.of(),
        Instant.parse("2026-03-01T10:00:00Z"),
        HealthStatus.DEGRADED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        120.0,
        status,
        List.of());
  }

  static RuleOutcome outcome(String rule, CertificateScanned scan) {
    return outcome(rule, FactSheets.certificate(scan));
  }

  static RuleOutcome outcome(String rule, ChainHealthObserved o) {
    return outcome(rule, FactSheets.chain(o));
  }

  static RuleOutcome outcome(String rule, Facts facts) {
    Optional<CompiledRule> r = DEFAULTS.rule(rule);
    assertThat(r).as(rule).isPresent();
    return r.get().evaluate(facts);
  }

  static RuleInstance instance(String rule, CertificateScanned scan) {
    return single(outcome(rule, scan));
  }

  static RuleInstance instance(String rule, ChainHealthObserved o) {
    return single(outcome(rule, o));
  }

  private static RuleInstance single(RuleOutcome o) {
    assertThat(o.noData()).as("no data: " + o.error()).isFalse();
    assertThat(o.instances()).hasSize(1);
    return o.instances().get(0);
  }
}
