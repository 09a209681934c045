package dev.vigil.alert.service;

import dev.vigil.alert.config.AlertConfig;
import dev.vigil.alert.domain.AlertState;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.domain.Observation;
import dev.vigil.alert.domain.RuleTiming;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.alert.persistence.ObservedEntityRepository;
import dev.vigil.alert.rules.CompiledRule;
import dev.vigil.alert.rules.RuleInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Changes that time makes without an event: a pending alert whose {@code for} elapsed fires, a kept
 * alert whose {@code keep_firing_for} elapsed resolves, an alert posted with an {@code endsAt} in
 * the past resolves, and an entity silent for longer than a no-data rule allows raises that rule's
 * alert. One small transaction per alert, so two replicas sweeping at once conflict on one row at
 * most (the optimistic lock or the primary key makes one of them retry on its next sweep).
 */
@ApplicationScoped
public class AlertTimers {

  private final AlertRepository alerts;
  private final ObservedEntityRepository observed;
  private final RuleRegistry rules;
  private final AlertWriter writer;
  private final AlertConfig config;
  private final Clock clock;

  public AlertTimers(
      AlertRepository alerts,
      ObservedEntityRepository observed,
      RuleRegistry rules,
      AlertWriter writer,
      AlertConfig config,
      Clock clock) {
    this.alerts = alerts;
    this.observed = observed;
    this.rules = rules;
    this.writer = writer;
    this.config = config;
    this.clock = clock;
  }

  /** Fingerprints of alerts whose clock runs. */
  @Transactional
  public List<String> running() {
    return alerts.withTimers(config.rules().sweepBatch());
  }

  /** Advances one alert's clock. */
  @Transactional
  public Optional<AlertTransitioned> tick(String fingerprint) {
    Instant now = now();
    AlertEntity a = alerts.findById(fingerprint);
    if (a == null) {
      return Optional.empty();
    }
    Decision d;
    String reason;
    if (a.status == AlertStatus.FIRING && a.endsAt != null && !now.isBefore(a.endsAt)) {
      d = AlertTransition.decide(a.state(), Observation.RECOVERED, null, RuleTiming.IMMEDIATE, now);
      reason = "endsAt " + a.endsAt + " has passed";
    } else {
      RuleTiming timing =
          rules.current().rule(a.alertName).map(CompiledRule::timing).orElse(RuleTiming.IMMEDIATE);
      d = AlertTransition.tick(a.state(), timing, now);
      reason = "keep_firing_for elapsed";
    }
    AlertWriter.Change change =
        new AlertWriter.Change(a.source, a.targetId, null, reason, null, a.endsAt);
    return Optional.ofNullable(writer.apply(a, d, change, now));
  }

  /** Entities silent for longer than {@code rule} allows, oldest first. */
  @Transactional
  public List<ObservedEntityRepository.Row> silent(CompiledRule rule) {
    Instant before = now().minus(rule.spec().noDataAfter());
    return observed.silentSince(rule.source(), before, config.rules().sweepBatch());
  }

  /** Raises the no-data alert of one silent entity, unless it was observed meanwhile. */
  @Transactional
  public Optional<AlertTransitioned> silence(CompiledRule rule, String entityId) {
    Instant now = now();
    Optional<ObservedEntityRepository.Row> row = observed.find(rule.source(), entityId);
    if (row.isEmpty() || row.get().lastSeen().plus(rule.spec().noDataAfter()).isAfter(now)) {
      return Optional.empty();
    }
    RuleInstance i = rule.silent(entityId, row.get().labels(), row.get().lastSeen(), now);
    AlertEntity a = alerts.findById(i.fingerprint());
    AlertState state = a == null ? null : a.state();
    Decision d = AlertTransition.decide(state, Observation.MATCH, i.severity(), rule.timing(), now);
    observed.silenceAlerted(rule.source(), entityId, now);
    AlertWriter.Change change =
        new AlertWriter.Change(rule.source(), entityId, i.candidate(), null, null, null);
    return Optional.ofNullable(writer.apply(a, d, change, now));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
