package dev.vigil.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of CloudEvent types: the {@code ce_type} string, the payload record and the JSON
 * Schema shipped under {@code /schemas}. The type string carries the version; a breaking change is
 * a new constant, never an edit.
 */
public enum EventType {
  SCAN_TARGET_REGISTERED("dev.vigil.scantarget.registered.v1", ScanTargetRegistered.class),
  SCAN_TARGET_RETIRED("dev.vigil.scantarget.retired.v1", ScanTargetRetired.class),
  CERTIFICATE_SCANNED("dev.vigil.certificate.scanned.v1", CertificateScanned.class),
  CHAIN_HEALTH_OBSERVED("dev.vigil.chain.health.observed.v1", ChainHealthObserved.class),
  CHAIN_REGISTERED("dev.vigil.chain.registered.v1", ChainRegistered.class),
  API_REGISTERED("dev.vigil.api.registered.v1", ApiRegistered.class),
  PROVIDER_RANKING_CHANGED("dev.vigil.chain.ranking.changed.v1", ProviderRankingChanged.class),
  ALERT_FIRED("dev.vigil.alert.fired.v1", AlertFired.class),
  ALERT_RESOLVED("dev.vigil.alert.resolved.v1", AlertResolved.class),
  RISK_CONTROL_CHANGED("dev.vigil.riskcontrol.changed.v1", RiskControlChanged.class),
  INCIDENT_OPENED("dev.vigil.incident.opened.v1", IncidentOpened.class),
  INCIDENT_UPDATED("dev.vigil.incident.updated.v1", IncidentUpdated.class),
  INCIDENT_RESOLVED("dev.vigil.incident.resolved.v1", IncidentResolved.class),
  INCIDENT_ESCALATED("dev.vigil.incident.escalated.v1", IncidentEscalated.class),
  SERVICE_CREDITS_COMPUTED("dev.vigil.sla.credits.computed.v1", ServiceCreditsComputed.class);

  /** Media type of every Vigil payload ({@code content-type} header). */
  public static final String CONTENT_TYPE = "application/json";

  private final String type;
  private final Class<? extends Record> payload;

  EventType(String type, Class<? extends Record> payload) {
    this.type = type;
    this.payload = payload;
  }

  /** The CloudEvent {@code type} attribute. */
  public String type() {
    return type;
  }

  public Class<? extends Record> payload() {
    return payload;
  }

  /** Classpath location of the JSON Schema, e.g. {@code /schemas/dev.vigil.alert.fired.v1.json}. */
  public String schemaResource() {
    return "/schemas/" + type + ".json";
  }

  public static Optional<EventType> of(String ceType) {
    return Arrays.stream(values()).filter(t -> t.type.equals(ceType)).findFirst();
  }

  public static EventType of(Class<? extends Record> payload) {
    return Arrays.stream(values())
        .filter(t -> t.payload.equals(payload))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payload));
  }
}
