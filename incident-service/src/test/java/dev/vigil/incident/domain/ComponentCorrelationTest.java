package dev.vigil.incident.domain;

import static dev.vigil.events.Severity.CRITICAL;
import static dev.vigil.events.Severity.INFO;
import static dev.vigil.events.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Decision.Outcome;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentCorrelation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Correlation by component and time window, played through {@link IncidentCorrelator}. */
class ComponentCorrelationTest {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Map<String, String> API = Map.of("service", "api");
  static final Map<String, String> WEB = Map.of("service", "web");
  static final List<Component> COMPONENTS =
      List.of(
          new Component("api", "Trading API", "", 0, API, null),
          new Component("web", "Website", "", 1, WEB, null));

  private final AtomicInteger ids = new AtomicInteger();

  /** What the second alert (another group) does, given the first one opened an incident. */
  record Expected(
      Outcome outcome, boolean joined, Severity severity, List<TimelineKind> timeline) {}

  static Stream<Arguments> secondGroup() {
    Duration five = Duration.ofMinutes(5);
    return Stream.of(
        arguments(
            "alert on the same component within the window joins the open incident",
            five,
            WARNING,
            API,
            Duration.ofMinutes(2),
            WARNING,
            API,
            new Expected(Outcome.UPDATED, true, WARNING, List.of(TimelineKind.ALERT_CORRELATED))),
        arguments(
            "alert exactly at the end of the window still joins",
            five,
            WARNING,
            API,
            five,
            WARNING,
            API,
            new Expected(Outcome.UPDATED, true, WARNING, List.of(TimelineKind.ALERT_CORRELATED))),
        arguments(
            "alert on the same component after the window opens its own incident",
            five,
            WARNING,
            API,
            Duration.ofMinutes(6),
            WARNING,
            API,
            new Expected(Outcome.OPENED, false, WARNING, List.of(TimelineKind.OPENED))),
        arguments(
            "alert on another component opens its own incident",
            five,
            WARNING,
            API,
            Duration.ofMinutes(1),
            WARNING,
            WEB,
            new Expected(Outcome.OPENED, false, WARNING, List.of(TimelineKind.OPENED))),
        arguments(
            "alert mapped to no component opens its own incident",
            five,
            WARNING,
            API,
            Duration.ofMinutes(1),
            WARNING,
            Map.of(),
            new Expected(Outcome.OPENED, false, WARNING, List.of(TimelineKind.OPENED))),
        arguments(
            "with correlation off the same component gets a second incident",
            Duration.ZERO,
            WARNING,
            API,
            Duration.ofMinutes(1),
            WARNING,
            API,
            new Expected(Outcome.OPENED, false, WARNING, List.of(TimelineKind.OPENED))),
        arguments(
            "a more severe joining alert raises the incident's severity",
            five,
            WARNING,
            API,
            Duration.ofMinutes(1),
            CRITICAL,
            API,
            new Expected(
                Outcome.UPDATED,
                true,
                CRITICAL,
                List.of(TimelineKind.ALERT_CORRELATED, TimelineKind.SEVERITY_CHANGED))),
        arguments(
            "a less severe joining alert keeps the incident's severity",
            five,
            CRITICAL,
            API,
            Duration.ofMinutes(1),
            INFO,
            API,
            new Expected(Outcome.UPDATED, true, CRITICAL, List.of(TimelineKind.ALERT_CORRELATED))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secondGroup")
  void secondGroupOnAComponent(
      String name,
      Duration window,
      Severity firstSeverity,
      Map<String, String> firstLabels,
      Duration later,
      Severity secondSeverity,
      Map<String, String> secondLabels,
      Expected expected) {
    Incident first =
        correlator(window, T0)
            .onAlertFired(alert("g1", "a", firstSeverity, firstLabels), Optional.empty())
            .incident();

    Decision d =
        correlator(window, T0.plus(later))
            .onAlertFired(
                alert("g2", "b", secondSeverity, secondLabels),
                Optional.empty(),
                Optional.empty(),
                COMPONENTS,
                List.of(reload(first)));

    assertThat(d.outcome()).isEqualTo(expected.outcome());
    assertThat(d.incident().id().equals(first.id())).isEqualTo(expected.joined());
    assertThat(d.incident().severity()).isEqualTo(expected.severity());
    assertThat(d.incident().newTimelineEntries())
        .extracting(TimelineEntry::kind)
        .containsExactlyElementsOf(expected.timeline());
    if (expected.joined()) {
      assertThat(d.change()).isEqualTo(IncidentChange.ALERT_ATTACHED);
      assertThat(d.incident().alertFingerprints()).containsExactly("a", "b");
      assertThat(d.incident().holdsGroup("g2")).isTrue();
    }
  }

  @Test
  void timelineSaysWhyTheAlertJoined() {
    Incident first =
        correlator(Duration.ofMinutes(5), T0)
            .onAlertFired(alert("g1", "a", WARNING, API), Optional.empty())
            .incident();

    Decision d =
        correlator(Duration.ofMinutes(5), T0.plusSeconds(150))
            .onAlertFired(
                alert("g2", "b", WARNING, API),
                Optional.empty(),
                Optional.empty(),
                COMPONENTS,
                List.of(reload(first)));

    assertThat(d.incident().newTimelineEntries().get(0).message())
        .isEqualTo(
            "Alert Alert_b (WARNING) joined: its group g2 affects component Trading API (api),"
                + " which this incident holds; the incident opened 2m 30s ago, within the 5m"
                + " correlation window");
  }

  @Test
  void theOldestOpenIncidentOnTheComponentIsJoined() {
    IncidentCorrelator at0 = correlator(Duration.ofMinutes(5), T0);
    Incident older = at0.onAlertFired(alert("g1", "a", WARNING, API), Optional.empty()).incident();
    Incident newer =
        correlator(Duration.ofMinutes(5), T0.plusSeconds(30))
            .onAlertFired(alert("g3", "c", WARNING, API), Optional.empty())
            .incident();

    Decision d =
        correlator(Duration.ofMinutes(5), T0.plusSeconds(60))
            .onAlertFired(
                alert("g2", "b", WARNING, API),
                Optional.empty(),
                Optional.empty(),
                COMPONENTS,
                List.of(reload(newer), reload(older)));

    assertThat(d.incident().id()).isEqualTo(older.id());
  }

  @Test
  void laterAlertsOfAJoinedGroupGoToTheSameIncident() {
    Incident first =
        correlator(Duration.ofMinutes(5), T0)
            .onAlertFired(alert("g1", "a", WARNING, API), Optional.empty())
            .incident();
    Incident joined =
        correlator(Duration.ofMinutes(5), T0.plusSeconds(60))
            .onAlertFired(
                alert("g2", "b", WARNING, API),
                Optional.empty(),
                Optional.empty(),
                COMPONENTS,
                List.of(reload(first)))
            .incident();

    // Ten minutes on, outside the window: the group already belongs to the incident.
    Decision d =
        correlator(Duration.ofMinutes(5), T0.plusSeconds(600))
            .onAlertFired(alert("g2", "b2", CRITICAL, API), Optional.of(reload(joined)));

    assertThat(d.incident().id()).isEqualTo(first.id());
    assertThat(d.change()).isEqualTo(IncidentChange.ALERT_ATTACHED);
    assertThat(d.incident().severity()).isEqualTo(CRITICAL);
  }

  @Test
  void incidentResolvesOnlyWhenTheJoinedAlertHasResolvedToo() {
    IncidentCorrelator c = correlator(Duration.ofMinutes(5), T0);
    Incident first = c.onAlertFired(alert("g1", "a", WARNING, API), Optional.empty()).incident();
    Incident joined =
        c.onAlertFired(
                alert("g2", "b", WARNING, API),
                Optional.empty(),
                Optional.empty(),
                COMPONENTS,
                List.of(reload(first)))
            .incident();

    Decision afterA = c.onAlertResolved(resolution("g1", "a"), Optional.of(reload(joined)));
    Decision afterB =
        c.onAlertResolved(resolution("g2", "b"), Optional.of(reload(afterA.incident())));

    assertThat(afterA.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(afterB.outcome()).isEqualTo(Outcome.RESOLVED);
  }

  @Test
  void anIncidentWithTheMostAlertsAllowedIsNotJoined() {
    IncidentCorrelator c =
        new IncidentCorrelator(
            Clock.fixed(T0, ZoneOffset.UTC),
            () -> new UUID(0, ids.incrementAndGet()),
            ResolutionPolicy.IMMEDIATE,
            Duration.ZERO,
            new ComponentCorrelation(Duration.ofMinutes(5), 2));
    Incident one = c.onAlertFired(alert("g1", "a", WARNING, API), Optional.empty()).incident();
    Incident two =
        c.onAlertFired(alert("g1", "a2", WARNING, API), Optional.of(reload(one))).incident();

    Decision d =
        c.onAlertFired(
            alert("g2", "b", WARNING, API),
            Optional.empty(),
            Optional.empty(),
            COMPONENTS,
            List.of(reload(two)));

    assertThat(d.outcome()).isEqualTo(Outcome.OPENED);
  }

  @Test
  void aResolvedIncidentIsNotJoined() {
    IncidentCorrelator c = correlator(Duration.ofMinutes(5), T0);
    Incident first = c.onAlertFired(alert("g1", "a", WARNING, API), Optional.empty()).incident();
    Incident resolved =
        c.onAlertResolved(resolution("g1", "a"), Optional.of(reload(first))).incident();

    Decision d =
        c.onAlertFired(
            alert("g2", "b", WARNING, API),
            Optional.empty(),
            Optional.empty(),
            COMPONENTS,
            List.of(reload(resolved)));

    assertThat(d.outcome()).isEqualTo(Outcome.OPENED);
  }

  private IncidentCorrelator correlator(Duration window, Instant now) {
    return new IncidentCorrelator(
        Clock.fixed(now, ZoneOffset.UTC),
        () -> new UUID(0, ids.incrementAndGet()),
        ResolutionPolicy.IMMEDIATE,
        Duration.ZERO,
        new ComponentCorrelation(window));
  }

  private static AlertFired alert(
      String group, String fingerprint, Severity severity, Map<String, String> labels) {
    return new AlertFired(
        fingerprint, "Alert_" + fingerprint, severity, labels, Map.of(), group, T0, T0, null, null);
  }

  private static AlertResolved resolution(String group, String fingerprint) {
    return new AlertResolved(
        fingerprint, "Alert_" + fingerprint, Map.of(), group, T0, T0, "", null);
  }

  private static Incident reload(Incident i) {
    return Scenario.reload(i);
  }
}
