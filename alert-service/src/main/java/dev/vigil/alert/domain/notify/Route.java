package dev.vigil.alert.domain.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of the routing tree, with every setting already inherited from its parent.
 *
 * @param id unique path of the node: its key plus its index among its siblings (Alertmanager's
 *     {@code Route.ID()}); aggregation groups are stored under it
 * @param key the matchers of the node and its ancestors (Alertmanager's {@code Route.Key()}); the
 *     {@code groupKey} of notifications starts with it
 * @param groupBy labels forming the group; ignored when {@code groupByAll}
 * @param groupByAll {@code group_by: ['...']}: every label, so each alert is its own group
 * @param continueMatching {@code continue}: siblings after this one are tried even if it matched
 */
public record Route(
    String id,
    String key,
    String receiver,
    List<String> groupBy,
    boolean groupByAll,
    GroupTiming timing,
    List<LabelMatcher> matchers,
    boolean continueMatching,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals,
    List<Route> routes) {

  public Route {
    groupBy = List.copyOf(groupBy);
    matchers = List.copyOf(matchers);
    muteTimeIntervals = List.copyOf(muteTimeIntervals);
    activeTimeIntervals = List.copyOf(activeTimeIntervals);
    routes = List.copyOf(routes);
  }

  /**
   * The routes an alert with {@code labels} goes to, as Alertmanager decides: depth first, the
   * deepest matching nodes win; after a matching child, later siblings are tried only if that child
   * has {@code continue}; a node none of whose children match takes the alert itself. Empty if this
   * node does not match.
   */
  public List<Route> match(Map<String, String> labels) {
    if (!LabelSets.matchesAll(matchers, labels)) {
      return List.of();
    }
    List<Route> all = new ArrayList<>();
    for (Route child : routes) {
      List<Route> matched = child.match(labels);
      all.addAll(matched);
      if (!matched.isEmpty() && !child.continueMatching) {
        break;
      }
    }
    if (all.isEmpty()) {
      all.add(this);
    }
    return all;
  }

  /** The labels of {@code alertLabels} that form this route's group. */
  public Map<String, String> groupLabels(Map<String, String> alertLabels) {
    if (groupByAll) {
      return new TreeMap<>(alertLabels);
    }
    Map<String, String> group = new TreeMap<>();
    for (String name : groupBy) {
      String value = alertLabels.get(name);
      if (value != null) {
        group.put(name, value);
      }
    }
    return group;
  }

  /** Alertmanager's group key: {@code <route key>:<group labels>}. */
  public String groupKey(Map<String, String> groupLabels) {
    return key + ":" + LabelSets.format(groupLabels);
  }

  /** Stable storage id of the group: a hash of the route id and the group labels. */
  public String groupId(Map<String, String> groupLabels) {
    return LabelSets.sha256(id + ":" + LabelSets.format(groupLabels)).substring(0, 32);
  }

  /** Every node of the subtree rooted here, depth first (for lookups by id). */
  public List<Route> flatten() {
    List<Route> out = new ArrayList<>();
    out.add(this);
    routes.forEach(r -> out.addAll(r.flatten()));
    return out;
  }
}
