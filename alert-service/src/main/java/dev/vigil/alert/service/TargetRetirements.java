package dev.vigil.alert.service;

import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.domain.Observation;
import dev.vigil.alert.domain.RuleTiming;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.alert.rules.EventSchema;
import dev.vigil.events.ScanTargetRetired;
import dev.vigil.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A deleted scan target: its certificate alerts resolve (pending ones are cancelled) at once,
 * without {@code keep_firing_for}, since no scan of it will ever come to resolve them; and it is
 * forgotten by no-data rules, which would otherwise report it silent.
 */
@ApplicationScoped
public class TargetRetirements {

  /** Inbox consumer name of the retirement consumer. */
  public static final String CONSUMER = "alert-service.scan-target-retirements";

  private final Inbox inbox;
  private final AlertRepository alerts;
  private final AlertWriter writer;
  private final EntityManager em;
  private final Clock clock;

  public TargetRetirements(
      Inbox inbox, AlertRepository alerts, AlertWriter writer, EntityManager em, Clock clock) {
    this.inbox = inbox;
    this.alerts = alerts;
    this.writer = writer;
    this.em = em;
    this.clock = clock;
  }

  /** Applies one {@code ScanTargetRetired}; empty for a duplicate delivery. */
  @Transactional
  public List<AlertTransitioned> retire(String eventId, ScanTargetRetired retired) {
    if (!inbox.firstDelivery(CONSUMER, eventId)) {
      return List.of();
    }
    String source = EventSchema.CERTIFICATE.type();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<AlertTransitioned> result = new ArrayList<>();
    for (AlertEntity a : alerts.findByEntity(source, retired.targetId())) {
      Decision d =
          AlertTransition.decide(a.state(), Observation.RECOVERED, null, RuleTiming.IMMEDIATE, now);
      AlertWriter.Change change =
          new AlertWriter.Change(
              source, retired.targetId(), null, "the target was deleted", eventId, null);
      AlertTransitioned t = writer.apply(a, d, change, now);
      if (t != null && t.transition() != AlertTransition.NONE) {
        result.add(t);
      }
    }
    em.createNativeQuery("delete from observed_entity where source = ?1 and entity_id = ?2")
        .setParameter(1, source)
        .setParameter(2, retired.targetId())
        .executeUpdate();
    return result;
  }
}
