package dev.vigil.alert.domain;

import dev.vigil.events.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * An alert an observation says should be firing, before it is compared with what is stored.
 *
 * @param alertName name of the rule, also in {@code labels.alertname}
 * @param severity how urgent
 * @param labels identifying labels: they, and only they, make the fingerprint
 * @param annotations human text that may change without changing the alert's identity
 * @param value the figure that made it fire, e.g. days left
 */
public record AlertCandidate(
    String alertName,
    Severity severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    Double value) {

  public AlertCandidate {
    Objects.requireNonNull(alertName, "alertName");
    Objects.requireNonNull(severity, "severity");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public String fingerprint() {
    return Fingerprint.of(labels);
  }
}
