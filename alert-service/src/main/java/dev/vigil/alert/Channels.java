package dev.vigil.alert;

/**
 * Reactive-messaging channel names: roles, not topics (topics are set in {@code
 * application.properties}). Shared by the consumer, the outbox sink, the service and the tests.
 */
public final class Channels {

  /** Incoming {@code CertificateScanned} events. */
  public static final String CERTIFICATE_SCANS = "certificate-scans";

  /** Incoming {@code ChainHealthObserved} events (chains and APIs). */
  public static final String CHAIN_HEALTH = "chain-health";

  /** Incoming CloudEvents of any type from other systems; rules select them by type. */
  public static final String INBOUND_EVENTS = "inbound-events";

  /** Outgoing {@code AlertFired} and {@code AlertResolved} events, keyed by fingerprint. */
  public static final String ALERTS = "alerts";

  /**
   * Incoming {@code AlertFired} and {@code AlertResolved} events for the notification pipeline: the
   * same topic as {@link #ALERTS}, read by its own consumer group, so notifications work whatever
   * produces alerts.
   */
  public static final String ALERT_NOTIFICATIONS = "alert-notifications";

  /**
   * Incoming {@code AlertFired} and {@code AlertResolved} events for the circuit breakers: the same
   * topic as {@link #ALERTS}, read by its own consumer group.
   */
  public static final String ALERT_BREAKERS = "alert-breakers";

  /** Outgoing {@code RiskControlChanged} events, keyed by scope. */
  public static final String RISK_CONTROLS = "risk-controls";

  /** Incoming {@code ScanTargetRetired} events: a deleted target's alerts resolve. */
  public static final String SCAN_TARGET_RETIREMENTS = "scan-target-retirements";

  /**
   * Incoming {@code IncidentEscalated} from incident-service: an unacknowledged incident's
   * escalation step came due; its receivers are notified through the notification pipeline's
   * integrations.
   */
  public static final String INCIDENT_ESCALATIONS = "incident-escalations";

  private Channels() {}
}
