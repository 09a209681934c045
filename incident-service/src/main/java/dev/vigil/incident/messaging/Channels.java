package dev.vigil.incident.messaging;

/** Reactive-messaging channel names; topics are bound to them in application.properties. */
public final class Channels {

  /** In: AlertFired and AlertResolved from alert-service. */
  public static final String ALERTS = "alerts";

  /** Out: IncidentOpened, IncidentUpdated and IncidentResolved, keyed by incident id. */
  public static final String INCIDENTS = "incidents";

  /** Out: ServiceCreditsComputed when a reporting period closes, keyed by period id. */
  public static final String SERVICE_CREDITS = "service-credits";

  /** Out: IncidentEscalated when an unacknowledged incident's escalation step comes due. */
  public static final String INCIDENT_ESCALATIONS = "incident-escalations";

  private Channels() {}
}
