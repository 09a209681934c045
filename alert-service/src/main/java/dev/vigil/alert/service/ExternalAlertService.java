package dev.vigil.alert.service;

import dev.vigil.alert.config.AlertConfig;
import dev.vigil.alert.domain.AlertCandidate;
import dev.vigil.alert.domain.AlertState;
import dev.vigil.alert.domain.AlertTransition;
import dev.vigil.alert.domain.Decision;
import dev.vigil.alert.domain.ExternalAlert;
import dev.vigil.alert.domain.Fingerprint;
import dev.vigil.alert.domain.Observation;
import dev.vigil.alert.domain.RuleTiming;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import dev.vigil.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alerts evaluated elsewhere (Prometheus, anything that speaks Alertmanager's API): no rule runs,
 * the sender's labels are the identity. Repeated posts of a firing alert are quiet refreshes, as
 * Prometheus re-sends every evaluation; an {@code endsAt} in the past resolves; an alert that is
 * not posted again resolves at its {@code endsAt} or after the resolve timeout.
 */
@ApplicationScoped
public class ExternalAlertService {

  /** The {@code source} of alerts received through {@code /api/v2/alerts}. */
  public static final String SOURCE = "alertmanager-api";

  private final AlertRepository alerts;
  private final AlertWriter writer;
  private final AlertConfig config;
  private final Clock clock;

  public ExternalAlertService(
      AlertRepository alerts, AlertWriter writer, AlertConfig config, Clock clock) {
    this.alerts = alerts;
    this.writer = writer;
    this.config = config;
    this.clock = clock;
  }

  /** Applies a batch as one transaction: all of it or, on a conflict, none (the caller retries). */
  @Transactional
  public List<AlertTransitioned> receive(List<ExternalAlert> batch) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<AlertTransitioned> result = new ArrayList<>();
    for (ExternalAlert in : batch) {
      Map<String, String> labels = in.labels();
      String fingerprint = Fingerprint.of(labels);
      AlertEntity stored = alerts.findById(fingerprint);
      AlertState state = stored == null ? null : stored.state();
      boolean ended = in.endsAt() != null && !in.endsAt().isAfter(now);
      Severity severity = severity(labels.get("severity"));
      Observation observed = ended ? Observation.RECOVERED : Observation.MATCH;
      Decision d = AlertTransition.decide(state, observed, severity, RuleTiming.IMMEDIATE, now);
      Map<String, String> annotations = new LinkedHashMap<>(in.annotations());
      if (in.generatorUrl() != null && !in.generatorUrl().isBlank()) {
        annotations.put("generatorURL", in.generatorUrl());
      }
      AlertCandidate c =
          new AlertCandidate(labels.get("alertname"), severity, labels, annotations, null);
      Instant endsAt = in.endsAt() == null ? now.plus(config.resolveTimeout()) : in.endsAt();
      String entity = entity(labels);
      AlertWriter.Change change =
          new AlertWriter.Change(
              SOURCE, entity, ended ? null : c, "endsAt " + in.endsAt() + " reached", null, endsAt);
      AlertTransitioned t = writer.apply(stored, d, change, now);
      if (t != null) {
        result.add(t);
      }
    }
    return result;
  }

  /** Prometheus severities vary by team; anything unknown is a warning. */
  static Severity severity(String label) {
    if (label == null) {
      return Severity.WARNING;
    }
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "critical", "page", "error", "high", "emergency", "alert" -> Severity.CRITICAL;
      case "info", "informational", "none", "low", "notice" -> Severity.INFO;
      default -> Severity.WARNING;
    };
  }

  private static String entity(Map<String, String> labels) {
    for (String name : List.of("target_id", "instance", "job")) {
      String v = labels.get(name);
      if (v != null && !v.isBlank()) {
        return v.length() > 200 ? v.substring(0, 200) : v;
      }
    }
    return labels.get("alertname");
  }
}
