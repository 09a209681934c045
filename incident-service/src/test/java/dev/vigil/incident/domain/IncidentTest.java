package dev.vigil.incident.domain;

import static dev.vigil.events.Severity.CRITICAL;
import static dev.vigil.events.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.AlertFired;
import dev.vigil.incident.domain.Decision.Outcome;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  static Stream<Arguments> titles() {
    return Stream.of(
        arguments(
            "summary annotation wins",
            "CertExpiring",
            Map.of("summary", "api.example.com expires in 5 days"),
            "api.example.com expires in 5 days"),
        arguments("no summary: alert name", "CertExpiring", Map.of(), "CertExpiring"),
        arguments(
            "blank summary: alert name", "CertExpiring", Map.of("summary", " "), "CertExpiring"),
        arguments("no summary, no name: fingerprint", null, Map.of(), "fp-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("titles")
  void titleComesFromTheFirstAlert(
      String name, String alertName, Map<String, String> annotations, String title) {
    AlertFired alert =
        new AlertFired(
            "fp-1", alertName, WARNING, Map.of(), annotations, "g", null, Scenario.T0, null, null);

    assertThat(AlertIntake.open(ID, alert, Scenario.T0).title()).isEqualTo(title);
  }

  @Test
  void laterAlertsDoNotChangeTheTitle() {
    Incident incident =
        AlertIntake.open(
            ID,
            Scenario.alert("g", "a", WARNING, Map.of(), Map.of("summary", "first")),
            Scenario.T0);

    AlertIntake.fire(
        incident,
        Scenario.alert("g", "b", CRITICAL, Map.of(), Map.of("summary", "second")),
        Scenario.T0);

    assertThat(incident.title()).isEqualTo("first");
  }

  static Stream<Arguments> labels() {
    return Stream.of(
        arguments(
            "identical labels are kept",
            Map.of("team", "edge", "env", "prod"),
            Map.of("team", "edge", "env", "prod"),
            Map.of("team", "edge", "env", "prod")),
        arguments(
            "differing values are dropped",
            Map.of("team", "edge", "host", "a"),
            Map.of("team", "edge", "host", "b"),
            Map.of("team", "edge")),
        arguments(
            "labels missing on the new alert are dropped",
            Map.of("team", "edge", "env", "prod"),
            Map.of("team", "edge"),
            Map.of("team", "edge")),
        arguments("nothing shared", Map.of("a", "1"), Map.of("b", "2"), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labels")
  void incidentLabelsAreTheLabelsAllAlertsShare(
      String name,
      Map<String, String> first,
      Map<String, String> second,
      Map<String, String> common) {
    Incident incident =
        AlertIntake.open(ID, Scenario.alert("g", "a", WARNING, first, Map.of()), Scenario.T0);

    AlertIntake.fire(incident, Scenario.alert("g", "b", WARNING, second, Map.of()), Scenario.T0);

    assertThat(incident.labels()).isEqualTo(common);
  }

  @Test
  void openingRecordsTimesFromTheClockAndTheAlertStart() {
    AlertFired alert = Scenario.alert("g", "a", WARNING, Map.of(), Map.of());

    Incident incident = AlertIntake.open(ID, alert, Scenario.T0);

    assertThat(incident.openedAt()).isEqualTo(Scenario.T0);
    assertThat(incident.updatedAt()).isEqualTo(Scenario.T0);
    assertThat(incident.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.firstFiredAt()).isEqualTo(alert.startsAt());
              assertThat(a.lastFiredAt()).isEqualTo(Scenario.T0);
            });
    assertThat(incident.newTimelineEntries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.alertFingerprint()).isEqualTo("a");
              assertThat(e.message()).contains("Alert_a").contains("WARNING");
            });
  }

  @Test
  void repeatOfAFiringAlertKeepsItsFirstFiredTimeAndTakesTheNewSummary() {
    Incident incident =
        AlertIntake.open(
            ID,
            Scenario.alert("g", "a", WARNING, Map.of(), Map.of("summary", "5 days")),
            Scenario.T0);
    var later = Scenario.T0.plusSeconds(3600);

    Decision decision =
        AlertIntake.fire(
            incident,
            Scenario.alert("g", "a", WARNING, Map.of(), Map.of("summary", "4 days")),
            later);

    assertThat(decision.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(incident.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.summary()).isEqualTo("4 days");
              assertThat(a.firstFiredAt()).isEqualTo(Scenario.T0.minusSeconds(60));
              assertThat(a.lastFiredAt()).isEqualTo(later);
            });
  }

  @Test
  void resolvedIncidentRefusesFurtherAlerts() {
    Incident incident =
        AlertIntake.open(ID, Scenario.alert("g", "a", WARNING, Map.of(), Map.of()), Scenario.T0);
    AlertIntake.resolveAlert(
        incident, Scenario.resolution("a"), Scenario.T0, ResolutionPolicy.IMMEDIATE);

    assertThatThrownBy(
            () ->
                AlertIntake.fire(
                    incident, Scenario.alert("g", "b", WARNING, Map.of(), Map.of()), Scenario.T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void alertOfAnotherGroupIsRefused() {
    Incident incident =
        AlertIntake.open(ID, Scenario.alert("g", "a", WARNING, Map.of(), Map.of()), Scenario.T0);

    assertThatThrownBy(
            () ->
                AlertIntake.fire(
                    incident,
                    Scenario.alert("other", "b", WARNING, Map.of(), Map.of()),
                    Scenario.T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolutionReasonIsInTheTimeline() {
    Incident incident =
        AlertIntake.open(ID, Scenario.alert("g", "a", WARNING, Map.of(), Map.of()), Scenario.T0);

    Decision decision =
        AlertIntake.resolveAlert(
            incident, Scenario.resolution("a"), Scenario.T0, ResolutionPolicy.IMMEDIATE);

    assertThat(decision.message()).isEqualTo("Alert Alert_a resolved: renewed");
  }
}
