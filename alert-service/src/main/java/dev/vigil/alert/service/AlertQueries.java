package dev.vigil.alert.service;

import dev.vigil.alert.domain.Alert;
import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.persistence.AlertEntity;
import dev.vigil.alert.persistence.AlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Read side for the REST API: returns domain values, never entities. */
@ApplicationScoped
public class AlertQueries {

  private final AlertRepository alerts;

  public AlertQueries(AlertRepository alerts) {
    this.alerts = alerts;
  }

  /**
   * Alerts newest first.
   *
   * @param status only alerts with this status; {@code null} for all
   */
  @Transactional
  public List<Alert> list(AlertStatus status, int limit) {
    return alerts.listNewestFirst(status, limit).stream().map(AlertEntity::toAlert).toList();
  }

  @Transactional
  public Optional<Alert> find(String fingerprint) {
    return alerts.findByIdOptional(fingerprint).map(AlertEntity::toAlert);
  }
}
