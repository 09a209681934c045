package dev.vigil.alert.domain.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.BreakerState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BreakerSpecParserTest {

  static Map<String, Object> valid() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "chain-deposits");
    m.put("scope", "chain:{{ chain_id }}");
    m.put("matchers", List.of("alertname=~\"ChainHeadStalled|ChainRpcFailing\""));
    m.put("min_open", "2m");
    m.put("healthy_period", "15m");
    m.put("actions", List.of("pause-deposits", "pause-withdrawals"));
    return m;
  }

  static Map<String, Object> with(String key, Object value) {
    Map<String, Object> m = valid();
    if (value == null) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
    return m;
  }

  @Test
  void readsEveryField() {
    BreakerSpec spec = BreakerSpecParser.parse(valid(), "");

    assertThat(spec.name()).isEqualTo("chain-deposits");
    assertThat(spec.minOpen()).isEqualTo(Duration.ofMinutes(2));
    assertThat(spec.healthyPeriod()).isEqualTo(Duration.ofMinutes(15));
    assertThat(spec.halfOpen()).isTrue();
    assertThat(spec.actions()).containsExactly("pause-deposits", "pause-withdrawals");
    assertThat(spec.scopeOf(Map.of("alertname", "ChainRpcFailing", "chain_id", "base")))
        .contains("chain:base");
    assertThat(spec.scopeOf(Map.of("alertname", "ApiDown", "chain_id", "base"))).isEmpty();
  }

  @Test
  void defaultsApplyWhenDurationsAreLeftOut() {
    Map<String, Object> m = with("min_open", null);
    m.remove("healthy_period");

    BreakerSpec spec = BreakerSpecParser.parse(m, "");

    assertThat(spec.minOpen()).isEqualTo(BreakerSpecParser.DEFAULT_MIN_OPEN);
    assertThat(spec.healthyPeriod()).isEqualTo(BreakerSpecParser.DEFAULT_HEALTHY_PERIOD);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("misspelt key", with("minopen", "5m"), "breakers[0].minopen"),
        Arguments.of("no name", with("name", null), "breakers[0].name"),
        Arguments.of("name with a space", with("name", "a b"), "breakers[0].name"),
        Arguments.of("no scope", with("scope", null), "breakers[0].scope"),
        Arguments.of("scope with a space", with("scope", "chain {{ x }}"), "breakers[0].scope"),
        Arguments.of("no matchers", with("matchers", List.of()), "breakers[0].matchers"),
        Arguments.of("bad matcher", with("matchers", List.of("1x=a")), "breakers[0].matchers[0]"),
        Arguments.of("bad regex", with("matchers", List.of("x=~\"(\"")), "breakers[0].matchers[0]"),
        Arguments.of(
            "matches everything", with("matchers", List.of("x=~\".*\"")), "breakers[0].matchers"),
        Arguments.of("no actions", with("actions", null), "breakers[0].actions"),
        Arguments.of(
            "bad action", with("actions", List.of("Pause Deposits")), "breakers[0].actions[0]"),
        Arguments.of("bad duration", with("min_open", "five minutes"), "breakers[0].min_open"),
        Arguments.of("half_open not a bool", with("half_open", "yes"), "breakers[0].half_open"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsNamingTheField(String name, Map<String, Object> breaker, String field) {
    Map<String, Object> doc = Map.of("breakers", List.of(breaker));

    assertThatThrownBy(() -> BreakerSpecParser.parseFile(doc))
        .isInstanceOfSatisfying(
            BreakerSpecException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void duplicateNamesInOneFileAreRejected() {
    Map<String, Object> doc = Map.of("breakers", List.of(valid(), valid()));

    assertThatThrownBy(() -> BreakerSpecParser.parseFile(doc))
        .isInstanceOfSatisfying(
            BreakerSpecException.class, e -> assertThat(e.field()).isEqualTo("breakers[1].name"));
  }

  @Test
  void aDisabledEntryNeedsOnlyItsName() {
    BreakerSpec spec =
        BreakerSpecParser.parse(Map.of("name", "chain-deposits", "enabled", false), "");

    assertThat(spec.enabled()).isFalse();
  }

  static Stream<Arguments> scopes() {
    return Stream.of(
        Arguments.of(
            "label placeholder",
            "chain:{{ chain_id }}",
            Map.of("chain_id", "base"),
            Optional.of("chain:base")),
        Arguments.of(
            "labels. prefix",
            "api:{{labels.provider_id}}",
            Map.of("provider_id", "binance-spot"),
            Optional.of("api:binance-spot")),
        Arguments.of(
            "two placeholders",
            "svc:{{ a }}.{{ b }}",
            Map.of("a", "x", "b", "y"),
            Optional.of("svc:x.y")),
        Arguments.of("missing label: no scope", "chain:{{ chain_id }}", Map.of(), Optional.empty()),
        Arguments.of(
            "empty label: no scope",
            "chain:{{ chain_id }}",
            Map.of("chain_id", ""),
            Optional.empty()),
        Arguments.of("fixed scope", "service:payments", Map.of(), Optional.of("service:payments")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void scopeTemplates(
      String name, String template, Map<String, String> labels, Optional<String> expected) {
    assertThat(ScopeTemplate.parse(template).render(labels)).isEqualTo(expected);
  }

  static Stream<Arguments> overrides() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    return Stream.of(
        Arguments.of(
            "half-open cannot be forced", BreakerState.HALF_OPEN, "a", "b", null, now, "state"),
        Arguments.of("no state", null, "a", "b", null, now, "state"),
        Arguments.of("no who", BreakerState.OPEN, " ", "b", null, now, "who"),
        Arguments.of("no why", BreakerState.OPEN, "alice", null, null, now, "why"),
        Arguments.of(
            "until in the past",
            BreakerState.OPEN,
            "alice",
            "b",
            now.minusSeconds(1),
            now,
            "until"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void overrideValidation(
      String name,
      BreakerState state,
      String who,
      String why,
      Instant until,
      Instant now,
      String field) {
    assertThatThrownBy(() -> ManualOverride.of(state, who, why, until, now))
        .isInstanceOfSatisfying(
            BreakerSpecException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
