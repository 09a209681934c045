package dev.vigil.alert.domain.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One notification of one aggregation group to one receiver: what every integration's payload is
 * built from.
 *
 * @param id stable id of the notification-log row; sent as a header so receivers can deduplicate
 */
public record Notification(
    String id,
    String receiver,
    String groupKey,
    Map<String, String> groupLabels,
    List<NotifyAlert> firing,
    List<NotifyAlert> resolved) {

  public Notification {
    groupLabels = Map.copyOf(groupLabels);
    firing = sorted(firing);
    resolved = sorted(resolved);
  }

  private static List<NotifyAlert> sorted(List<NotifyAlert> alerts) {
    List<NotifyAlert> copy = new ArrayList<>(alerts);
    copy.sort(Comparator.comparing(NotifyAlert::startsAt).thenComparing(NotifyAlert::fingerprint));
    return List.copyOf(copy);
  }

  /** "firing" if any alert fires, else "resolved". */
  public String status() {
    return firing.isEmpty() ? "resolved" : "firing";
  }

  /** Firing first, then resolved: the order Alertmanager's templates see. */
  public List<NotifyAlert> alerts() {
    List<NotifyAlert> all = new ArrayList<>(firing);
    all.addAll(resolved);
    return all;
  }

  /** The same notification without its resolved alerts (integrations without send_resolved). */
  public Notification firingOnly() {
    return new Notification(id, receiver, groupKey, groupLabels, firing, List.of());
  }

  public boolean isEmpty() {
    return firing.isEmpty() && resolved.isEmpty();
  }

  public Map<String, String> commonLabels() {
    return common(alerts().stream().map(NotifyAlert::labels).toList());
  }

  public Map<String, String> commonAnnotations() {
    return common(alerts().stream().map(NotifyAlert::annotations).toList());
  }

  /** Pairs present with the same value in every map. */
  static Map<String, String> common(List<Map<String, String>> maps) {
    if (maps.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new HashMap<>(maps.get(0));
    for (Map<String, String> m : maps.subList(1, maps.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
    }
    return new TreeMap<>(common);
  }

  /** Alertmanager's default title: {@code [FIRING:2] alertname="X" ...}. */
  public String title() {
    StringBuilder title = new StringBuilder("[").append(status().toUpperCase());
    if (!firing.isEmpty()) {
      title.append(':').append(firing.size());
    }
    title.append("] ");
    new TreeMap<>(groupLabels).forEach((k, v) -> title.append(k).append('=').append(v).append(' '));
    return title.toString().trim();
  }
}
