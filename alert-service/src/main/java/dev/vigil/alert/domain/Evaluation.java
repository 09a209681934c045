package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * What one observation says about one alert rule for one target: it should fire ({@code desired}
 * set), it is healthy, or there is no data to judge by.
 *
 * @param alertName the rule's alert name
 * @param targetId the target observed
 * @param desired the alert that should fire, or {@code null} when healthy or without data
 * @param noData the observation could not judge; stored alerts must be left as they are
 * @param detail one sentence on what was observed; becomes the reason of a resolution
 */
public record Evaluation(
    String alertName, String targetId, AlertCandidate desired, boolean noData, String detail) {

  public Evaluation {
    Objects.requireNonNull(alertName, "alertName");
    Objects.requireNonNull(targetId, "targetId");
    if (noData && desired != null) {
      throw new IllegalArgumentException("an evaluation without data cannot fire");
    }
  }

  public static Evaluation firing(String targetId, AlertCandidate desired, String detail) {
    return new Evaluation(desired.alertName(), targetId, desired, false, detail);
  }

  public static Evaluation healthy(String alertName, String targetId, String detail) {
    return new Evaluation(alertName, targetId, null, false, detail);
  }

  public static Evaluation noData(String alertName, String targetId, String detail) {
    return new Evaluation(alertName, targetId, null, true, detail);
  }

  public Optional<AlertCandidate> firing() {
    return Optional.ofNullable(desired);
  }

  /** The severity asked for, or {@code null} when healthy or without data. */
  public Severity desiredSeverity() {
    return desired == null ? null : desired.severity();
  }
}
