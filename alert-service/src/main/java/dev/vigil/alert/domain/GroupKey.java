package dev.vigil.alert.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The key of the alert group an alert belongs to: the values of the {@code group-by} labels, in the
 * Prometheus label-set notation, e.g. {@code {env="prod",target_id="abc"}}. Incidents are opened
 * per group, so alerts that share the key end up in one incident.
 */
public final class GroupKey {

  private GroupKey() {}

  /**
   * Builds the key. Label names are sorted, so the order of {@code groupBy} does not matter; labels
   * the alert lacks are left out (as Alertmanager does); values are escaped so that a quote in a
   * value cannot forge another label.
   */
  public static String of(Map<String, String> labels, List<String> groupBy) {
    return new TreeSet<>(groupBy)
        .stream()
            .filter(labels::containsKey)
            .map(name -> name + "=\"" + escape(labels.get(name)) + "\"")
            .collect(Collectors.joining(",", "{", "}"));
  }

  private static String escape(String value) {
    if (value == null) {
      return "";
    }
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
