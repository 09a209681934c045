package dev.vigil.incident.domain;

import static dev.vigil.events.Severity.CRITICAL;
import static dev.vigil.events.Severity.INFO;
import static dev.vigil.events.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertCountsTest {

  private static final Instant T0 = Scenario.T0;

  private static IncidentAlert alert(String fp, Severity severity, Instant resolvedAt) {
    return new IncidentAlert(
        fp,
        "A",
        severity,
        resolvedAt == null ? AlertStatus.FIRING : AlertStatus.RESOLVED,
        null,
        Map.of(),
        T0,
        T0,
        resolvedAt,
        "g");
  }

  static Stream<Arguments> changes() {
    AlertCounts twoFiring = new AlertCounts(1, 1, 0, 2, null);
    return Stream.of(
        arguments(
            "attached critical alert counts and fires",
            AlertCounts.NONE,
            null,
            alert("a", CRITICAL, null),
            new AlertCounts(1, 0, 0, 1, null)),
        arguments(
            "resolution stops firing, keeps severity, records when",
            twoFiring,
            alert("a", CRITICAL, null),
            alert("a", CRITICAL, T0.plusSeconds(5)),
            new AlertCounts(1, 1, 0, 1, T0.plusSeconds(5))),
        arguments(
            "severity lowered moves the alert between counts",
            twoFiring,
            alert("a", CRITICAL, null),
            alert("a", INFO, null),
            new AlertCounts(0, 1, 1, 2, null)),
        arguments(
            "an earlier resolution does not move the last one back",
            new AlertCounts(0, 1, 0, 0, T0.plusSeconds(9)),
            null,
            alert("b", WARNING, T0.plusSeconds(3)),
            new AlertCounts(0, 2, 0, 0, T0.plusSeconds(9))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void countsFollowOneAlertsChange(
      String name,
      AlertCounts start,
      IncidentAlert before,
      IncidentAlert after,
      AlertCounts expected) {
    assertThat(start.replace(before, after)).isEqualTo(expected);
  }

  @Test
  void highestSeverityComesFromTheCounts() {
    assertThat(AlertCounts.NONE.highest()).isNull();
    assertThat(new AlertCounts(0, 0, 2, 0, null).highest()).isEqualTo(INFO);
    assertThat(new AlertCounts(0, 3, 2, 1, null).highest()).isEqualTo(WARNING);
    assertThat(new AlertCounts(1, 3, 2, 0, null).highest()).isEqualTo(CRITICAL);
  }

  @Test
  void countsOfAllAlertsMatchRunningCounts() {
    List<IncidentAlert> alerts =
        List.of(
            alert("a", CRITICAL, null),
            alert("b", WARNING, T0.plusSeconds(4)),
            alert("c", WARNING, T0.plusSeconds(2)));
    assertThat(AlertCounts.of(alerts)).isEqualTo(new AlertCounts(1, 2, 0, 1, T0.plusSeconds(4)));
  }

  @Test
  void incidentLoadedWithOneAlertKeepsTheSeverityOfAlertsNotLoaded() {
    // Stored: a CRITICAL alert (not loaded) and alert b, WARNING (loaded). b is re-reported as
    // INFO: the incident stays CRITICAL, as it would with every alert loaded.
    IncidentAlert b = alert("b", WARNING, null);
    Incident incident =
        Incident.restore(
            UUID.randomUUID(),
            "g",
            "title",
            CRITICAL,
            IncidentStatus.TRIGGERED,
            Map.of(),
            T0,
            T0,
            null,
            null,
            null,
            null,
            new AlertCounts(1, 1, 0, 2, null),
            List.of(b),
            Set.of());
    Decision d = AlertIntake.fire(incident, Scenario.alert("g", "b", INFO, Map.of(), Map.of()), T0);
    assertThat(d.incident().severity()).isEqualTo(CRITICAL);
    assertThat(d.incident().activeAlerts()).isEqualTo(2);
    assertThat(d.incident().alertChanges())
        .singleElement()
        .satisfies(c -> assertThat(c.after().severity()).isEqualTo(INFO));
  }

  @Test
  void lastFiringAlertResolvedWithOthersNotLoadedResolvesTheIncident() {
    IncidentAlert a = alert("a", WARNING, null);
    Incident incident =
        Incident.restore(
            UUID.randomUUID(),
            "g",
            "title",
            CRITICAL,
            IncidentStatus.TRIGGERED,
            Map.of(),
            T0,
            T0,
            null,
            null,
            null,
            null,
            new AlertCounts(1, 1, 0, 1, T0),
            List.of(a),
            Set.of());
    Decision d =
        AlertIntake.resolveAlert(
            incident, Scenario.resolution("a"), T0.plusSeconds(1), ResolutionPolicy.IMMEDIATE);
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.RESOLVED);
    assertThat(d.incident().lastAlertResolvedAt()).isEqualTo(T0.plusSeconds(1));
  }
}
