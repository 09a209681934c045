package dev.vigil.incident.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.Incident;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.ResolutionPolicy;
import dev.vigil.incident.domain.TimelineKind;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.component.ComponentCorrelation;
import dev.vigil.incident.domain.sla.ComponentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The unit of work decides a batch of events exactly as the database did one event at a time: each
 * event sees what the earlier events of the batch changed, and the writes collected at the end are
 * the final state.
 */
class IntakeUnitTest {

  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final Component API = new Component("api", "API", "", 0, Map.of("service", "api"), null);

  final AtomicInteger ids = new AtomicInteger();
  final IncidentCorrelator correlator =
      new IncidentCorrelator(
          Clock.fixed(T0, ZoneOffset.UTC),
          () -> new UUID(0, ids.incrementAndGet()),
          ResolutionPolicy.IMMEDIATE,
          Duration.ofMinutes(10),
          new ComponentCorrelation(Duration.ofMinutes(5)));

  static AlertFired fired(String group, String fp, Severity severity) {
    return new AlertFired(
        fp, "A", severity, Map.of("service", "api"), Map.of(), group, T0, T0, null, null);
  }

  static AlertResolved resolved(String group, String fp) {
    return new AlertResolved(fp, "A", Map.of(), group, T0, T0, null, null);
  }

  /** Applies events the way the service does: look up in the unit, decide, record. */
  List<Decision> apply(IntakeUnit unit, Object... events) {
    List<Decision> decisions = new ArrayList<>();
    for (Object event : events) {
      Decision d;
      if (event instanceof AlertFired f) {
        Optional<Incident> open = unit.openByGroup(f.groupKey());
        d =
            open.isPresent()
                ? correlator.onAlertFired(f, open, Optional.empty())
                : correlator.onAlertFired(
                    f,
                    Optional.empty(),
                    unit.lastResolvedByGroup(f.groupKey()),
                    List.of(API),
                    unit.joinable(List.of("api"), T0.minusSeconds(300), 50, 5));
      } else {
        AlertResolved r = (AlertResolved) event;
        d = correlator.onAlertResolved(r, unit.openWithFiringAlert(r.fingerprint()));
      }
      if (d.changesState()) {
        unit.record(d);
        unit.updateImpacts(d, List.of(API));
      }
      decisions.add(d);
    }
    return decisions;
  }

  @Test
  void laterEventsOfABatchSeeTheIncidentAnEarlierOneOpened() {
    IntakeUnit unit = new IntakeUnit();

    List<Decision> decisions =
        apply(
            unit,
            fired("g", "a", Severity.WARNING),
            fired("g", "b", Severity.CRITICAL),
            resolved("g", "a"),
            resolved("g", "b"));

    assertThat(decisions)
        .extracting(Decision::outcome)
        .containsExactly(
            Decision.Outcome.OPENED,
            Decision.Outcome.UPDATED,
            Decision.Outcome.UPDATED,
            Decision.Outcome.RESOLVED);
    assertThat(decisions.get(1).change()).isEqualTo(IncidentChange.ALERT_ATTACHED);
    // One incident row, inserted once in its final state; no update of a row that is not stored.
    assertThat(unit.createdIncidents())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
              assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(i.activeAlerts()).isZero();
            });
    assertThat(unit.changedIncidents()).isEmpty();
    assertThat(unit.changedAlerts())
        .extracting(r -> r.alert().fingerprint() + " " + r.alert().status())
        .containsExactly("a RESOLVED", "b RESOLVED");
    assertThat(unit.timeline())
        .extracting(r -> r.entry().kind())
        .containsExactly(
            TimelineKind.OPENED,
            TimelineKind.ALERT_ATTACHED,
            TimelineKind.SEVERITY_CHANGED,
            TimelineKind.ALERT_RESOLVED,
            TimelineKind.ALERT_RESOLVED,
            TimelineKind.RESOLVED);
    // Opened at partial outage, moved to major, ended with the resolution: three segments.
    assertThat(unit.impacts().started())
        .extracting(s -> s.status() + (s.endedAt() == null ? " open" : " ended"))
        .containsExactlyInAnyOrder("PARTIAL_OUTAGE ended", "MAJOR_OUTAGE ended");
  }

  @Test
  void aStoredIncidentIsUpdatedWithTheVersionItWasLoadedAt() {
    IntakeUnit unit = new IntakeUnit();
    Incident stored = storedOpenIncident("g", "a");
    unit.addIncident(stored, 4);
    unit.impacts().add(1, stored.id(), "api", ComponentStatus.PARTIAL_OUTAGE, T0, null);

    List<Decision> decisions = apply(unit, resolved("g", "a"));

    assertThat(decisions.get(0).outcome()).isEqualTo(Decision.Outcome.RESOLVED);
    assertThat(unit.createdIncidents()).isEmpty();
    assertThat(unit.changedIncidents())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.version()).isEqualTo(4);
              assertThat(row.incident().status()).isEqualTo(IncidentStatus.RESOLVED);
            });
    assertThat(unit.impacts().ended()).extracting(ImpactLedger.Segment::id).containsExactly(1L);
  }

  @Test
  void anAlertReportedAgainUnchangedWritesItsRowButNotTheIncident() {
    IntakeUnit unit = new IntakeUnit();
    Incident stored = storedOpenIncident("g", "a");
    unit.addIncident(stored, 0);

    List<Decision> decisions = apply(unit, fired("g", "a", Severity.WARNING));

    assertThat(decisions.get(0).outcome()).isEqualTo(Decision.Outcome.UNCHANGED);
    assertThat(unit.changedIncidents()).isEmpty();
    assertThat(unit.changedAlerts()).hasSize(1);
    assertThat(unit.timeline()).isEmpty();
  }

  @Test
  void aGroupFiringAgainReopensTheIncidentTheBatchResolved() {
    IntakeUnit unit = new IntakeUnit();

    List<Decision> decisions =
        apply(
            unit,
            fired("g", "a", Severity.WARNING),
            resolved("g", "a"),
            fired("g", "a", Severity.WARNING));

    assertThat(decisions.get(2).change()).isEqualTo(IncidentChange.REOPENED);
    assertThat(unit.createdIncidents()).singleElement();
    assertThat(unit.createdIncidents().get(0).isOpen()).isTrue();
  }

  @Test
  void anotherGroupOnTheSameComponentJoinsAndItsLaterAlertsFollow() {
    IntakeUnit unit = new IntakeUnit();

    List<Decision> decisions =
        apply(
            unit,
            fired("g1", "a", Severity.WARNING),
            fired("g2", "b", Severity.WARNING),
            fired("g2", "c", Severity.WARNING));

    UUID first = decisions.get(0).incident().id();
    assertThat(decisions.get(1).incident().id()).isEqualTo(first);
    assertThat(decisions.get(2).incident().id()).isEqualTo(first);
    assertThat(unit.openByGroup("g2")).map(Incident::id).contains(first);
    assertThat(unit.createdIncidents()).hasSize(1);
  }

  @Test
  void candidatesRunOutWhenTheStoreHadMoreThanTheBatchLoaded() {
    IntakeUnit unit = new IntakeUnit();
    Incident stored = storedOpenIncident("g", "a");
    unit.addIncident(stored, 0);
    unit.impacts().add(1, stored.id(), "api", ComponentStatus.PARTIAL_OUTAGE, T0, null);
    unit.addCandidates("api", List.of(stored.id()), true);

    assertThat(unit.candidatesRunOut(List.of("api"), T0.minusSeconds(60), 50, 1)).isEmpty();

    apply(unit, resolved("g", "a")); // resolves it: no longer joinable

    assertThat(unit.candidatesRunOut(List.of("api"), T0.minusSeconds(60), 50, 1))
        .containsExactly("api");
  }

  private Incident storedOpenIncident(String group, String fp) {
    Incident opened =
        correlator.onAlertFired(fired(group, fp, Severity.WARNING), Optional.empty()).incident();
    return Incident.restore(
        opened.id(),
        opened.groupKey(),
        opened.title(),
        opened.severity(),
        opened.status(),
        opened.labels(),
        opened.openedAt(),
        opened.updatedAt(),
        null,
        null,
        null,
        null,
        opened.alertCounts(),
        opened.alerts(),
        java.util.Set.of());
  }
}
