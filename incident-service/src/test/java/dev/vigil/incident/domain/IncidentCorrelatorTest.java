package dev.vigil.incident.domain;

import static dev.vigil.events.Severity.CRITICAL;
import static dev.vigil.events.Severity.INFO;
import static dev.vigil.events.Severity.WARNING;
import static dev.vigil.incident.domain.Scenario.fire;
import static dev.vigil.incident.domain.Scenario.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Decision.Outcome;
import dev.vigil.incident.domain.Scenario.Step;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentCorrelatorTest {

  /** What the last step of a scenario must decide. */
  record Expected(
      Outcome outcome,
      IncidentChange change,
      Severity severity,
      IncidentStatus status,
      int activeAlerts,
      List<TimelineKind> newTimeline) {}

  static Expected expect(
      Outcome outcome,
      IncidentChange change,
      Severity severity,
      IncidentStatus status,
      int active,
      TimelineKind... timeline) {
    return new Expected(outcome, change, severity, status, active, List.of(timeline));
  }

  static Stream<Arguments> transitions() {
    IncidentStatus open = IncidentStatus.TRIGGERED;
    IncidentStatus resolved = IncidentStatus.RESOLVED;
    return Stream.of(
        arguments(
            "first alert of a group opens an incident",
            List.of(fire("a", WARNING)),
            expect(Outcome.OPENED, null, WARNING, open, 1, TimelineKind.OPENED)),
        arguments(
            "new alert of the same group attaches",
            List.of(fire("a", WARNING), fire("b", WARNING)),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_ATTACHED,
                WARNING,
                open,
                2,
                TimelineKind.ALERT_ATTACHED)),
        arguments(
            "attaching a more severe alert raises the incident severity",
            List.of(fire("a", WARNING), fire("b", CRITICAL)),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_ATTACHED,
                CRITICAL,
                open,
                2,
                TimelineKind.ALERT_ATTACHED,
                TimelineKind.SEVERITY_CHANGED)),
        arguments(
            "attaching a less severe alert keeps the incident severity",
            List.of(fire("a", CRITICAL), fire("b", INFO)),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_ATTACHED,
                CRITICAL,
                open,
                2,
                TimelineKind.ALERT_ATTACHED)),
        arguments(
            "repeat with the same severity changes nothing worth announcing",
            List.of(fire("a", WARNING), fire("a", WARNING)),
            expect(Outcome.UNCHANGED, null, WARNING, open, 1)),
        arguments(
            "repeat with a higher severity raises the incident",
            List.of(fire("a", WARNING), fire("a", CRITICAL)),
            expect(
                Outcome.UPDATED,
                IncidentChange.SEVERITY_CHANGED,
                CRITICAL,
                open,
                1,
                TimelineKind.ALERT_SEVERITY_CHANGED,
                TimelineKind.SEVERITY_CHANGED)),
        arguments(
            "repeat with a lower severity lowers the incident",
            List.of(fire("a", CRITICAL), fire("a", WARNING)),
            expect(
                Outcome.UPDATED,
                IncidentChange.SEVERITY_CHANGED,
                WARNING,
                open,
                1,
                TimelineKind.ALERT_SEVERITY_CHANGED,
                TimelineKind.SEVERITY_CHANGED)),
        arguments(
            "downgrade of one alert keeps the severity another alert holds",
            List.of(fire("a", CRITICAL), fire("b", CRITICAL), fire("a", WARNING)),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_REFIRED,
                CRITICAL,
                open,
                2,
                TimelineKind.ALERT_SEVERITY_CHANGED)),
        arguments(
            "resolving one of two alerts keeps the incident open",
            List.of(fire("a", WARNING), fire("b", WARNING), resolve("a")),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_RESOLVED,
                WARNING,
                open,
                1,
                TimelineKind.ALERT_RESOLVED)),
        arguments(
            "resolving the last alert resolves the incident",
            List.of(fire("a", WARNING), fire("b", CRITICAL), resolve("a"), resolve("b")),
            expect(
                Outcome.RESOLVED,
                null,
                CRITICAL,
                resolved,
                0,
                TimelineKind.ALERT_RESOLVED,
                TimelineKind.RESOLVED)),
        arguments(
            "resolving the only alert resolves the incident",
            List.of(fire("a", INFO), resolve("a")),
            expect(
                Outcome.RESOLVED,
                null,
                INFO,
                resolved,
                0,
                TimelineKind.ALERT_RESOLVED,
                TimelineKind.RESOLVED)),
        arguments(
            "resolved alert firing again in an open incident re-fires",
            List.of(fire("a", WARNING), fire("b", WARNING), resolve("a"), fire("a", CRITICAL)),
            expect(
                Outcome.UPDATED,
                IncidentChange.ALERT_REFIRED,
                CRITICAL,
                open,
                2,
                TimelineKind.ALERT_REFIRED,
                TimelineKind.SEVERITY_CHANGED)),
        arguments(
            "resolution of an unknown alert is ignored",
            List.of(fire("a", WARNING), resolve("x")),
            new Expected(Outcome.IGNORED, null, null, null, 0, List.of())),
        arguments(
            "resolution with no incident at all is ignored",
            List.of(resolve("x")),
            new Expected(Outcome.IGNORED, null, null, null, 0, List.of())),
        arguments(
            "second resolution of the same alert is ignored",
            List.of(fire("a", WARNING), fire("b", WARNING), resolve("a"), resolve("a")),
            new Expected(Outcome.IGNORED, null, null, null, 0, List.of())),
        arguments(
            "resolution after the incident resolved is ignored",
            List.of(fire("a", WARNING), resolve("a"), resolve("a")),
            new Expected(Outcome.IGNORED, null, null, null, 0, List.of())),
        arguments(
            "alert of a group whose incident resolved opens a new incident",
            List.of(fire("a", WARNING), resolve("a"), fire("a", CRITICAL)),
            expect(Outcome.OPENED, null, CRITICAL, open, 1, TimelineKind.OPENED)),
        arguments(
            "alert of another group opens its own incident",
            List.of(fire("group-1", "a", WARNING), fire("group-2", "b", INFO)),
            expect(Outcome.OPENED, null, INFO, open, 1, TimelineKind.OPENED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void lastEventDecidesAsExpected(String name, List<Step> steps, Expected expected) {
    Decision decision = new Scenario().run(steps);

    assertThat(decision.outcome()).isEqualTo(expected.outcome());
    assertThat(decision.change()).isEqualTo(expected.change());
    if (expected.outcome() == Outcome.IGNORED) {
      assertThat(decision.incident()).isNull();
      assertThat(decision.message()).isNotBlank();
      return;
    }
    Incident incident = decision.incident();
    assertThat(incident.severity()).isEqualTo(expected.severity());
    assertThat(incident.status()).isEqualTo(expected.status());
    assertThat(incident.activeAlerts()).isEqualTo(expected.activeAlerts());
    assertThat(incident.newTimelineEntries())
        .extracting(TimelineEntry::kind)
        .containsExactlyElementsOf(expected.newTimeline());
    assertThat(incident.newTimelineEntries())
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo(TimelineEntry.SYSTEM);
              assertThat(e.at()).isEqualTo(Scenario.T0);
            });
  }

  @Test
  void alertsOfOneGroupShareOneIncident() {
    Scenario scenario = new Scenario();
    scenario.run(List.of(fire("a", WARNING), fire("b", WARNING), fire("c", CRITICAL)));

    assertThat(scenario.decisions())
        .extracting(d -> d.incident().id())
        .containsOnly(scenario.decisions().get(0).incident().id());
    assertThat(scenario.decisions().get(2).incident().alertFingerprints())
        .containsExactly("a", "b", "c");
  }

  @Test
  void reopeningAfterResolutionGetsAFreshIdentity() {
    Scenario scenario = new Scenario();
    scenario.run(List.of(fire("a", WARNING), resolve("a"), fire("a", WARNING)));

    Incident first = scenario.decisions().get(0).incident();
    Incident second = scenario.decisions().get(2).incident();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.alerts()).singleElement().satisfies(a -> assertThat(a.firing()).isTrue());
  }

  @Test
  void resolvedIncidentRecordsWhenAndByWhom() {
    Decision decision = new Scenario().run(List.of(fire("a", WARNING), resolve("a")));

    assertThat(decision.incident().resolvedAt()).isEqualTo(Scenario.T0);
    assertThat(decision.incident().resolvedBy()).isEqualTo(TimelineEntry.SYSTEM);
    assertThat(decision.incident().alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(a.resolvedAt()).isEqualTo(Scenario.T0);
            });
  }

  @Test
  void deferringPolicyLeavesTheIncidentOpenWithNoFiringAlert() {
    Scenario scenario = new Scenario((incident, at) -> false);

    Decision decision = scenario.run(List.of(fire("a", WARNING), resolve("a")));

    assertThat(decision.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(decision.change()).isEqualTo(IncidentChange.ALERT_RESOLVED);
    assertThat(decision.incident().isOpen()).isTrue();
    assertThat(decision.incident().activeAlerts()).isZero();
    assertThat(decision.incident().resolvedAt()).isNull();
  }

  @Test
  void alertFiringDuringADeferredResolutionReturnsToTheSameIncident() {
    Scenario scenario = new Scenario((incident, at) -> false);

    Decision decision = scenario.run(List.of(fire("a", WARNING), resolve("a"), fire("a", WARNING)));

    assertThat(decision.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(decision.change()).isEqualTo(IncidentChange.ALERT_REFIRED);
    assertThat(decision.incident().id()).isEqualTo(scenario.decisions().get(0).incident().id());
  }
}
