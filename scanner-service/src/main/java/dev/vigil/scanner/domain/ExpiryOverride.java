package dev.vigil.scanner.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A target's own expiry thresholds. Each value is optional: one left out comes from the first
 * matching label rule, else from the defaults, so a target can tighten its warning without
 * restating the critical threshold.
 *
 * @param warningDays fewer whole days left than this is a warning
 * @param criticalDays fewer whole days left than this is critical
 * @param lifetimePercent warn once this share of the validity period has passed
 */
public record ExpiryOverride(Integer warningDays, Integer criticalDays, Integer lifetimePercent) {

  /** No override: the label rules and defaults decide. */
  public static final ExpiryOverride NONE = new ExpiryOverride(null, null, null);

  /** Ten years: beyond any certificate a public CA issues, and a bound on typos. */
  static final int MAX_DAYS = 3650;

  public boolean isEmpty() {
    return warningDays == null && criticalDays == null && lifetimePercent == null;
  }

  /** Every rule this override breaks, fields named as in the REST API. */
  public List<FieldViolation> violations() {
    List<FieldViolation> out = new ArrayList<>();
    days("warningDays", warningDays, out);
    days("criticalDays", criticalDays, out);
    if (lifetimePercent != null && (lifetimePercent < 1 || lifetimePercent > 100)) {
      out.add(new FieldViolation("lifetimePercent", "must be between 1 and 100"));
    }
    if (warningDays != null && criticalDays != null && criticalDays > warningDays) {
      out.add(new FieldViolation("criticalDays", "must not be more than warningDays"));
    }
    return out;
  }

  /**
   * {@code base} with this override's values in place of its own. When only the critical threshold
   * is set and it exceeds the inherited warning threshold, the warning threshold is raised to
   * match: critical must never come before warning.
   */
  public ExpiryThresholds applyTo(ExpiryThresholds base) {
    if (isEmpty()) {
      return base;
    }
    int critical = criticalDays != null ? criticalDays : base.criticalDays();
    int warning = warningDays != null ? warningDays : Math.max(base.warningDays(), critical);
    if (criticalDays == null && critical > warning) {
      critical = warning; // a lower warning set on the target pulls the inherited critical down
    }
    Integer lifetime = lifetimePercent != null ? lifetimePercent : base.lifetimePercent();
    return new ExpiryThresholds(warning, critical, lifetime);
  }

  private static void days(String field, Integer value, List<FieldViolation> out) {
    if (value != null && (value < 0 || value > MAX_DAYS)) {
      out.add(new FieldViolation(field, "must be between 0 and " + MAX_DAYS));
    }
  }
}
