package dev.vigil.alert.rest;

/**
 * Roles of alert-service's API. Reads are public, as in Alertmanager; every change needs a role.
 */
public final class Roles {

  /** Manages rules and silences, and may push alerts. */
  public static final String OPERATOR = "operator";

  /** May only push alerts to {@code POST /api/v2/alerts} (e.g. Prometheus). */
  public static final String ALERT_SENDER = "alert-sender";

  private Roles() {}
}
