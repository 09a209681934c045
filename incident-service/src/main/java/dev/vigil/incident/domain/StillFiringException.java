package dev.vigil.incident.domain;

import java.util.UUID;

/** A responder tried to resolve an incident whose alerts still fire, without {@code force}. */
public class StillFiringException extends RuntimeException {

  private final int firingAlerts;

  public StillFiringException(UUID incidentId, int firingAlerts) {
    super(
        "incident "
            + incidentId
            + " still has "
            + firingAlerts
            + " firing alert(s); resolve with force=true to close it anyway");
    this.firingAlerts = firingAlerts;
  }

  public int firingAlerts() {
    return firingAlerts;
  }
}
