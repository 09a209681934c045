package dev.vigil.incident.domain.intake;

import static dev.vigil.incident.domain.sla.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.vigil.incident.domain.sla.ComponentStatus.MAJOR_OUTAGE;
import static dev.vigil.incident.domain.sla.ComponentStatus.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.incident.domain.sla.ComponentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImpactLedgerTest {

  static final UUID INCIDENT = new UUID(0, 1);
  static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  static final Instant NOW = T0.plusSeconds(60);

  /** A ledger holding one stored open segment: api at partial outage, id 7. */
  static ImpactLedger apiPartial() {
    ImpactLedger ledger = new ImpactLedger();
    ledger.add(7, INCIDENT, "api", PARTIAL_OUTAGE, T0, null);
    return ledger;
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        arguments(
            "the same status goes on untouched",
            (Consumer<ImpactLedger>) l -> l.replace(INCIDENT, Map.of("api", PARTIAL_OUTAGE), NOW),
            List.of(),
            List.of(),
            Map.of("api", PARTIAL_OUTAGE)),
        arguments(
            "another status ends the segment and starts one",
            (Consumer<ImpactLedger>) l -> l.replace(INCIDENT, Map.of("api", MAJOR_OUTAGE), NOW),
            List.of("api"),
            List.of("api MAJOR_OUTAGE open"),
            Map.of("api", MAJOR_OUTAGE)),
        arguments(
            "a component no longer held ends",
            (Consumer<ImpactLedger>) l -> l.replace(INCIDENT, Map.of(), NOW),
            List.of("api"),
            List.of(),
            Map.of()),
        arguments(
            "a newly held component starts",
            (Consumer<ImpactLedger>)
                l ->
                    l.replace(
                        INCIDENT, Map.of("api", PARTIAL_OUTAGE, "web", DEGRADED_PERFORMANCE), NOW),
            List.of(),
            List.of("web DEGRADED_PERFORMANCE open"),
            Map.of("api", PARTIAL_OUTAGE, "web", DEGRADED_PERFORMANCE)),
        arguments(
            "growing never lowers a status",
            (Consumer<ImpactLedger>)
                l ->
                    l.grow(
                        INCIDENT, Map.of("api", DEGRADED_PERFORMANCE, "web", PARTIAL_OUTAGE), NOW),
            List.of(),
            List.of("web PARTIAL_OUTAGE open"),
            Map.of("api", PARTIAL_OUTAGE, "web", PARTIAL_OUTAGE)),
        arguments(
            "growing to a worse status moves the segment",
            (Consumer<ImpactLedger>) l -> l.grow(INCIDENT, Map.of("api", MAJOR_OUTAGE), NOW),
            List.of("api"),
            List.of("api MAJOR_OUTAGE open"),
            Map.of("api", MAJOR_OUTAGE)),
        arguments(
            "a segment started and ended in one batch is written once, with its end",
            (Consumer<ImpactLedger>)
                l -> {
                  l.replace(INCIDENT, Map.of("api", PARTIAL_OUTAGE, "web", MAJOR_OUTAGE), NOW);
                  l.replace(INCIDENT, Map.of("api", PARTIAL_OUTAGE), NOW.plusSeconds(5));
                },
            List.of(),
            List.of("web MAJOR_OUTAGE ended"),
            Map.of("api", PARTIAL_OUTAGE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void segmentsFollowWhatTheIncidentHolds(
      String name,
      Consumer<ImpactLedger> change,
      List<String> endedComponents,
      List<String> started,
      Map<String, ComponentStatus> heldAfter) {
    ImpactLedger ledger = apiPartial();

    change.accept(ledger);

    assertThat(ledger.ended())
        .extracting(ImpactLedger.Segment::componentId)
        .containsExactlyElementsOf(endedComponents);
    assertThat(ledger.ended()).allSatisfy(s -> assertThat(s.endedAt()).isEqualTo(NOW));
    assertThat(ledger.started())
        .extracting(
            s -> s.componentId() + " " + s.status() + (s.endedAt() == null ? " open" : " ended"))
        .containsExactlyInAnyOrderElementsOf(started);
    assertThat(ledger.held(INCIDENT)).isEqualTo(heldAfter);
  }

  @Test
  void everAffectedNamesEndedSegmentsToo() {
    ImpactLedger ledger = apiPartial();
    ledger.add(3, INCIDENT, "db", MAJOR_OUTAGE, T0, T0.plusSeconds(1));

    ledger.replace(INCIDENT, Map.of("web", PARTIAL_OUTAGE), NOW);

    assertThat(ledger.everAffected(INCIDENT)).containsExactly("api", "db", "web");
    assertThat(ledger.held(INCIDENT)).isEqualTo(Map.of("web", PARTIAL_OUTAGE));
  }
}
