package dev.vigil.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Decision.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responders' commands, reopening and the quiet period. */
class IncidentLifecycleTest {

  /** A clock the test moves forward. */
  static final class SteppingClock extends Clock {
    Instant now = Scenario.T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  final SteppingClock clock = new SteppingClock();

  IncidentCorrelator correlator(ResolutionPolicy policy, Duration reopenWindow) {
    return new IncidentCorrelator(clock, UUID::randomUUID, policy, reopenWindow);
  }

  static Incident opened(IncidentCorrelator correlator, String fingerprint) {
    return correlator
        .onAlertFired(
            Scenario.alert("g", fingerprint, Severity.CRITICAL, Map.of(), Map.of()),
            Optional.empty())
        .incident();
  }

  @Test
  void acknowledgeOnceRecordsWhoAndWhen() {
    IncidentCorrelator c = correlator(ResolutionPolicy.IMMEDIATE, Duration.ZERO);
    Incident incident = opened(c, "a");
    clock.advance(Duration.ofMinutes(3));

    Decision first = c.acknowledge(incident, "alice");
    Decision second = c.acknowledge(incident, "bob");

    assertThat(first.change()).isEqualTo(IncidentChange.ACKNOWLEDGED);
    assertThat(first.actor()).isEqualTo("alice");
    assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(incident.acknowledgedBy()).isEqualTo("alice");
    assertThat(incident.acknowledgedAt()).isEqualTo(Scenario.T0.plus(Duration.ofMinutes(3)));
    assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  static Stream<Arguments> manualResolution() {
    return Stream.of(
        arguments("firing, no force: refused", true, false, null),
        arguments("firing, forced: resolved, says so", true, true, "forced"),
        arguments("quiet, no force needed", false, false, "Resolved by alice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manualResolution")
  void manualResolutionNeedsForceWhileAlertsFire(
      String name, boolean stillFiring, boolean force, String messagePart) {
    IncidentCorrelator c = correlator((i, at) -> false, Duration.ZERO);
    Incident incident = opened(c, "a");
    if (!stillFiring) {
      c.onAlertResolved(Scenario.resolution("a"), Optional.of(incident));
    }

    if (messagePart == null) {
      assertThatThrownBy(() -> c.resolve(incident, "alice", force, null))
          .isInstanceOf(StillFiringException.class)
          .hasMessageContaining("force");
      assertThat(incident.isOpen()).isTrue();
      return;
    }
    Decision decision = c.resolve(incident, "alice", force, "checked by hand");
    assertThat(decision.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(decision.actor()).isEqualTo("alice");
    assertThat(incident.resolvedBy()).isEqualTo("alice");
    assertThat(decision.message()).contains(messagePart).contains("checked by hand");
  }

  static Stream<Arguments> refiring() {
    return Stream.of(
        arguments("within the window: reopened", Duration.ofMinutes(9), true),
        arguments("after the window: a new incident", Duration.ofMinutes(11), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refiring")
  void refiringSoonAfterResolutionReopens(String name, Duration later, boolean reopened) {
    IncidentCorrelator c = correlator(ResolutionPolicy.IMMEDIATE, Duration.ofMinutes(10));
    Incident incident = opened(c, "a");
    c.acknowledge(incident, "alice");
    c.onAlertResolved(Scenario.resolution("a"), Optional.of(incident));
    assertThat(incident.isOpen()).isFalse();
    clock.advance(later);

    Decision decision =
        c.onAlertFired(
            Scenario.alert("g", "a", Severity.WARNING, Map.of(), Map.of()),
            Optional.empty(),
            Optional.of(incident));

    if (reopened) {
      assertThat(decision.incident()).isSameAs(incident);
      assertThat(decision.change()).isEqualTo(IncidentChange.REOPENED);
      assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
      assertThat(incident.resolvedAt()).isNull();
      assertThat(incident.acknowledgedBy()).isNull();
      assertThat(incident.activeAlerts()).isEqualTo(1);
    } else {
      assertThat(decision.outcome()).isEqualTo(Outcome.OPENED);
      assertThat(decision.incident().id()).isNotEqualTo(incident.id());
    }
  }

  @Test
  void quietPeriodKeepsTheIncidentOpenUntilItPasses() {
    Duration quiet = Duration.ofMinutes(5);
    IncidentCorrelator c = correlator(ResolutionPolicy.quietFor(quiet), Duration.ZERO);
    Incident incident = opened(c, "a");
    clock.advance(Duration.ofMinutes(1));
    Decision resolvedAlert = c.onAlertResolved(Scenario.resolution("a"), Optional.of(incident));
    assertThat(resolvedAlert.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(incident.isOpen()).isTrue();

    clock.advance(Duration.ofMinutes(4));
    assertThat(c.resolveIfQuiet(incident, quiet)).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    Optional<Decision> done = c.resolveIfQuiet(incident, quiet);
    assertThat(done).map(Decision::outcome).contains(Outcome.RESOLVED);
    assertThat(incident.resolvedBy()).isEqualTo(TimelineEntry.SYSTEM);
  }

  @Test
  void anAlertFiringDuringTheQuietPeriodKeepsTheIncident() {
    Duration quiet = Duration.ofMinutes(5);
    IncidentCorrelator c = correlator(ResolutionPolicy.quietFor(quiet), Duration.ZERO);
    Incident incident = opened(c, "a");
    c.onAlertResolved(Scenario.resolution("a"), Optional.of(incident));
    clock.advance(Duration.ofMinutes(2));

    c.onAlertFired(
        Scenario.alert("g", "a", Severity.CRITICAL, Map.of(), Map.of()), Optional.of(incident));
    clock.advance(Duration.ofMinutes(10));

    assertThat(c.resolveIfQuiet(incident, quiet)).isEmpty();
    assertThat(incident.isOpen()).isTrue();
  }

  @Test
  void notesNeedTextAndAnActor() {
    IncidentCorrelator c = correlator(ResolutionPolicy.IMMEDIATE, Duration.ZERO);
    Incident incident = opened(c, "a");

    assertThatThrownBy(() -> c.addNote(incident, "alice", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.addNote(incident, "", "text"))
        .isInstanceOf(IllegalArgumentException.class);
    Decision note = c.addNote(incident, "alice", "  looking at the LB  ");
    assertThat(note.change()).isEqualTo(IncidentChange.NOTE_ADDED);
    assertThat(incident.newTimelineEntries())
        .last()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(TimelineKind.NOTE);
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.message()).isEqualTo("looking at the LB");
            });
  }
}
