package dev.vigil.incident.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.AlertFired;
import dev.vigil.events.AlertResolved;
import dev.vigil.events.IncidentChange;
import dev.vigil.events.IncidentOpened;
import dev.vigil.events.IncidentResolved;
import dev.vigil.events.IncidentStatus;
import dev.vigil.events.IncidentUpdated;
import dev.vigil.events.Severity;
import dev.vigil.incident.domain.Decision;
import dev.vigil.incident.domain.IncidentCorrelator;
import dev.vigil.incident.domain.ResolutionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IncidentEventsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final IncidentCorrelator correlator =
      new IncidentCorrelator(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          },
          () -> ID,
          ResolutionPolicy.IMMEDIATE);

  private static AlertFired fired(String fp, Severity severity) {
    return new AlertFired(
        fp,
        "CertExpiring",
        severity,
        Map.of("team", "edge"),
        Map.of("summary", "api cert expires"),
        "grp",
        T0,
        T0,
        5.0,
        null);
  }

  @Test
  void openedCarriesTheIncidentAsOpened() {
    Decision decision = correlator.onAlertFired(fired("a", Severity.WARNING), Optional.empty());

    assertThat(IncidentEvents.of(decision, List.of("api")))
        .containsInstanceOf(IncidentOpened.class)
        .get()
        .isEqualTo(
            new IncidentOpened(
                ID.toString(),
                "grp",
                "api cert expires",
                Severity.WARNING,
                List.of("api"),
                Map.of("team", "edge"),
                T0,
                List.of("a")));
  }

  @Test
  void updatedCarriesTheChangeAndActiveAlerts() {
    Decision opened = correlator.onAlertFired(fired("a", Severity.WARNING), Optional.empty());
    now.set(T0.plusSeconds(5));

    Decision decision =
        correlator.onAlertFired(fired("b", Severity.CRITICAL), Optional.of(opened.incident()));

    IncidentUpdated updated =
        (IncidentUpdated) IncidentEvents.of(decision, List.of()).orElseThrow();
    assertThat(updated.change()).isEqualTo(IncidentChange.ALERT_ATTACHED);
    assertThat(updated.status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(updated.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(updated.alertFingerprint()).isEqualTo("b");
    assertThat(updated.activeAlerts()).isEqualTo(2);
    assertThat(updated.actor()).isEqualTo("system");
    assertThat(updated.message()).isNotBlank();
  }

  @Test
  void resolvedCarriesTheDuration() {
    Decision opened = correlator.onAlertFired(fired("a", Severity.WARNING), Optional.empty());
    now.set(T0.plusSeconds(90));

    Decision decision =
        correlator.onAlertResolved(
            new AlertResolved("a", "CertExpiring", Map.of(), "grp", T0, T0, "renewed", null),
            Optional.of(opened.incident()));

    assertThat(IncidentEvents.of(decision, List.of("api", "web")))
        .get()
        .isEqualTo(
            new IncidentResolved(
                ID.toString(),
                "grp",
                Severity.WARNING,
                List.of("api", "web"),
                T0,
                T0.plusSeconds(90),
                90,
                "system"));
  }

  @Test
  void unchangedAndIgnoredAnnounceNothing() {
    Decision opened = correlator.onAlertFired(fired("a", Severity.WARNING), Optional.empty());

    assertThat(
            IncidentEvents.of(
                correlator.onAlertFired(
                    fired("a", Severity.WARNING), Optional.of(opened.incident())),
                List.of()))
        .isEmpty();
    assertThat(
            IncidentEvents.of(
                correlator.onAlertResolved(
                    new AlertResolved("zz", null, null, null, null, null, null, null),
                    Optional.empty()),
                List.of()))
        .isEmpty();
  }
}
