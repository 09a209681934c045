package dev.vigil.incident.domain.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one customer tier is promised for one component: a target uptime and a credit table, e.g.
 * target 99.9%, 10% credit below 99.9%, 25% below 99%.
 *
 * @param component the component the promise is about
 * @param tier the customer tier, e.g. {@code enterprise}
 * @param targetPercent the promised uptime
 * @param credits the credit table; the lowest threshold the uptime falls below decides
 */
public record SlaPolicy(
    String component, String tier, double targetPercent, List<CreditStep> credits) {

  public SlaPolicy {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(tier, "tier");
    if (!(targetPercent > 0 && targetPercent <= 100)) {
      throw new IllegalArgumentException("targetPercent must be in (0, 100], was " + targetPercent);
    }
    credits =
        credits.stream().sorted(Comparator.comparingDouble(CreditStep::belowPercent)).toList();
    for (int i = 1; i < credits.size(); i++) {
      if (credits.get(i).creditPercent() > credits.get(i - 1).creditPercent()) {
        throw new IllegalArgumentException(
            "a lower uptime must not earn a smaller credit: "
                + credits.get(i - 1)
                + " vs "
                + credits.get(i));
      }
      if (credits.get(i).belowPercent() == credits.get(i - 1).belowPercent()) {
        throw new IllegalArgumentException(
            "two credit steps below " + credits.get(i).belowPercent() + "%");
      }
    }
  }

  /** Judges one period's uptime against this promise. */
  public SlaResult judge(Uptime uptime) {
    double percent = uptime.percent();
    double credit = 0;
    // Sorted ascending by threshold: the first threshold the uptime is below is the tightest.
    for (CreditStep step : credits) {
      if (percent < step.belowPercent()) {
        credit = step.creditPercent();
        break;
      }
    }
    return new SlaResult(this, uptime, percent < targetPercent, credit);
  }
}
