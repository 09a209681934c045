package dev.vigil.incident.domain.component;

import static dev.vigil.incident.domain.sla.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.vigil.incident.domain.sla.ComponentStatus.MAJOR_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.OPERATIONAL;
import static dev.vigil.incident.domain.sla.ComponentStatus.PARTIAL_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.ResolutionPolicy;
import dev.vigil.incident.domain.sla.ComponentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComponentImpactsTest {

  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  static final Component BASE =
      new Component("base", "Base RPC", "", 1, Map.of("chain", "base-mainnet"), null);
  static final Component API =
      new Component(
          "api",
          "Trading API",
          "",
          2,
          Map.of("service", "api", "env", "prod"),
          Map.of(Severity.WARNING, DEGRADED_PERFORMANCE));

  final IncidentCorrelator correlator =
      new IncidentCorrelator(
          Clock.fixed(T0, ZoneOffset.UTC), UUID::randomUUID, ResolutionPolicy.IMMEDIATE);

  static AlertFired alert(String fp, Severity severity, Map<String, String> labels) {
    return new AlertFired(fp, "A", severity, labels, Map.of(), "g", T0, T0, null, null);
  }

  static Stream<Arguments> matching() {
    return Stream.of(
        arguments("all pairs present", Map.of("service", "api", "env", "prod", "x", "y"), true),
        arguments("one pair missing", Map.of("service", "api"), false),
        arguments("value differs", Map.of("service", "api", "env", "staging"), false),
        arguments("no labels", Map.of(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matching")
  void anAlertAffectsAComponentWhenItCarriesEveryMatchPair(
      String name, Map<String, String> labels, boolean affected) {
    assertThat(API.affectedBy(labels)).isEqualTo(affected);
  }

  @Test
  void aComponentWithoutMatchPairsIsNeverAffected() {
    Component loose = new Component("x", "X", "", 0, Map.of(), null);

    assertThat(loose.affectedBy(Map.of("anything", "at all"))).isFalse();
  }

  @Test
  void eachComponentTakesTheWorstStatusAmongItsFiringAlerts() {
    Incident incident =
        correlator
            .onAlertFired(
                alert("a", Severity.WARNING, Map.of("chain", "base-mainnet")), Optional.empty())
            .incident();
    correlator.onAlertFired(
        alert("b", Severity.CRITICAL, Map.of("chain", "base-mainnet")), Optional.of(incident));
    correlator.onAlertFired(
        alert("c", Severity.WARNING, Map.of("service", "api", "env", "prod")),
        Optional.of(incident));
    correlator.onAlertFired(
        alert("d", Severity.CRITICAL, Map.of("host", "internal")), Optional.of(incident));

    Map<String, ComponentStatus> impacts = ComponentImpacts.of(incident, List.of(BASE, API));

    assertThat(impacts)
        .containsOnly(Map.entry("base", MAJOR_OUTAGE), Map.entry("api", DEGRADED_PERFORMANCE));
  }

  @Test
  void resolvedAlertsAndResolvedIncidentsHoldNothing() {
    Incident incident =
        correlator
            .onAlertFired(
                alert("a", Severity.CRITICAL, Map.of("chain", "base-mainnet")), Optional.empty())
            .incident();
    correlator.onAlertFired(
        alert("b", Severity.WARNING, Map.of("chain", "base-mainnet")), Optional.of(incident));
    correlator.onAlertResolved(
        new AlertResolved("a", "A", Map.of(), "g", T0, T0, "ok", null), Optional.of(incident));

    assertThat(ComponentImpacts.of(incident, List.of(BASE)))
        .containsOnly(Map.entry("base", PARTIAL_OUTAGE));

    correlator.onAlertResolved(
        new AlertResolved("b", "A", Map.of(), "g", T0, T0, "ok", null), Optional.of(incident));
    assertThat(incident.isOpen()).isFalse();
    assertThat(ComponentImpacts.of(incident, List.of(BASE))).isEmpty();
  }

  static Stream<Arguments> currentStatus() {
    return Stream.of(
        arguments("nothing held", List.of(), false, OPERATIONAL),
        arguments("maintenance only", List.of(), true, UNDER_MAINTENANCE),
        arguments(
            "outage during maintenance shows the outage",
            List.of(PARTIAL_OUTAGE),
            true,
            PARTIAL_OUTAGE),
        arguments(
            "two incidents: the worst",
            List.of(DEGRADED_PERFORMANCE, MAJOR_OUTAGE),
            false,
            MAJOR_OUTAGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentStatus")
  void currentStatusIsTheWorstHeldOrMaintenance(
      String name, List<ComponentStatus> held, boolean maintenance, ComponentStatus expected) {
    assertThat(ComponentImpacts.current(held, maintenance)).isEqualTo(expected);
  }

  static Stream<Arguments> page() {
    return Stream.of(
        arguments(List.of(OPERATIONAL, OPERATIONAL), "none"),
        arguments(List.of(OPERATIONAL, UNDER_MAINTENANCE), "maintenance"),
        arguments(List.of(DEGRADED_PERFORMANCE, UNDER_MAINTENANCE), "minor"),
        arguments(List.of(PARTIAL_OUTAGE, DEGRADED_PERFORMANCE), "major"),
        arguments(List.of(OPERATIONAL, MAJOR_OUTAGE), "critical"),
        arguments(List.of(), "none"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("page")
  void pageIndicatorFollowsTheWorstComponent(List<ComponentStatus> components, String indicator) {
    assertThat(PageStatus.of(components).indicator()).isEqualTo(indicator);
  }
}
