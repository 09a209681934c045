package dev.vigil.incident.domain.sla;

/**
 * A component's status, in the order of badness. The names are Atlassian Statuspage's (its public
 * API spells them in lower case), so status widgets and aggregators understand them.
 */
public enum ComponentStatus {
  OPERATIONAL("operational"),
  UNDER_MAINTENANCE("under_maintenance"),
  DEGRADED_PERFORMANCE("degraded_performance"),
  PARTIAL_OUTAGE("partial_outage"),
  MAJOR_OUTAGE("major_outage");

  private final String apiName;

  ComponentStatus(String apiName) {
    this.apiName = apiName;
  }

  /** The Statuspage API spelling, e.g. {@code partial_outage}. */
  public String apiName() {
    return apiName;
  }

  /** The worse of two statuses; an outage outranks maintenance. */
  public ComponentStatus worst(ComponentStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
