package dev.vigil.incident.domain;

/**
 * One attached alert changed while an event was applied: what the store writes (only changed alert
 * rows) and what decides whether the incident's component impacts can have changed.
 *
 * @param before the alert as it was; {@code null} when it was attached by this change
 * @param after the alert now
 */
public record AlertChange(IncidentAlert before, IncidentAlert after) {

  /** Whether the alert fires now and did not before (newly attached or fired again). */
  public boolean startedFiring() {
    return after.firing() && (before == null || !before.firing());
  }

  /** Whether the alert fired before and now, with the same severity and labels. */
  public boolean sameImpact() {
    return before != null
        && before.firing()
        && after.firing()
        && before.severity() == after.severity()
        && before.labels().equals(after.labels());
  }
}
