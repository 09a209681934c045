package dev.vigil.incident.domain.component;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.sla.ComponentStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something customers depend on and see on the status page: a chain, a venue's API, a website, a
 * group of certificates. Alerts map to it by labels: an alert whose labels contain every pair of
 * {@code match} affects it, with a status that follows the alert's severity.
 *
 * @param id stable id, also the Statuspage API id
 * @param name shown on the status page
 * @param description shown on the status page, may be empty
 * @param position order on the status page
 * @param match label pairs an alert must all carry to affect this component; never empty
 * @param impact the component status an affecting alert of each severity causes
 */
public record Component(
    String id,
    String name,
    String description,
    int position,
    Map<String, String> match,
    Map<Severity, ComponentStatus> impact) {

  /** Ids appear in URLs and in the Statuspage API: short, lower case, no spaces. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  public Component {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    match = Map.copyOf(match);
    impact = impact == null || impact.isEmpty() ? defaultImpact() : Map.copyOf(impact);
  }

  /** Critical alerts are a major outage, warnings a partial outage, infos degrade performance. */
  public static Map<Severity, ComponentStatus> defaultImpact() {
    Map<Severity, ComponentStatus> m = new EnumMap<>(Severity.class);
    m.put(Severity.CRITICAL, ComponentStatus.MAJOR_OUTAGE);
    m.put(Severity.WARNING, ComponentStatus.PARTIAL_OUTAGE);
    m.put(Severity.INFO, ComponentStatus.DEGRADED_PERFORMANCE);
    return m;
  }

  /** Whether an alert with these labels affects this component. */
  public boolean affectedBy(Map<String, String> labels) {
    if (match.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> pair : match.entrySet()) {
      if (!pair.getValue().equals(labels.get(pair.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The status an affecting alert of {@code severity} gives this component. */
  public ComponentStatus statusFor(Severity severity) {
    return impact.getOrDefault(severity, ComponentStatus.OPERATIONAL);
  }
}
