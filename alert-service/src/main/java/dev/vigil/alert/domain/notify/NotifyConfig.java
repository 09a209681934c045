package dev.vigil.alert.domain.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification configuration: alertmanager.yml's {@code route}, {@code receivers}, {@code
 * inhibit_rules} and {@code time_intervals}, validated.
 *
 * @param receivers by name; each name the routes use exists
 */
public record NotifyConfig(
    Route root,
    Map<String, List<Integration>> receivers,
    List<InhibitRule> inhibitRules,
    Map<String, List<TimeInterval>> timeIntervals,
    String externalUrl) {

  /** The name of the receiver the default configuration routes everything to. */
  public static final String LOG_ONLY = "log-only";

  public NotifyConfig {
    receivers = Map.copyOf(receivers);
    inhibitRules = List.copyOf(inhibitRules);
    timeIntervals = Map.copyOf(timeIntervals);
  }

  /**
   * Used when no file is configured: every alert in one group per alertname, to a receiver with no
   * integration, so groups and the notification log still work but nothing leaves the service.
   */
  public static NotifyConfig logOnly(String externalUrl) {
    Route root =
        new Route(
            "{}",
            "{}",
            LOG_ONLY,
            List.of("alertname"),
            false,
            GroupTiming.DEFAULTS,
            List.of(),
            false,
            List.of(),
            List.of(),
            List.of());
    return new NotifyConfig(root, Map.of(LOG_ONLY, List.of()), List.of(), Map.of(), externalUrl);
  }

  public Optional<Route> route(String id) {
    return root.flatten().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public List<Integration> integrations(String receiver) {
    return receivers.getOrDefault(receiver, List.of());
  }

  /** Any integration of the receiver wants resolved notifications. */
  public boolean sendResolved(String receiver) {
    return integrations(receiver).stream().anyMatch(Integration::sendResolved);
  }

  /**
   * Whether {@code route} may not notify at {@code now}: inside one of its mute time intervals, or
   * outside all of its active time intervals.
   */
  public boolean timeMuted(Route route, java.time.Instant now) {
    for (String name : route.muteTimeIntervals()) {
      if (TimeInterval.anyContains(timeIntervals.getOrDefault(name, List.of()), now)) {
        return true;
      }
    }
    if (route.activeTimeIntervals().isEmpty()) {
      return false;
    }
    for (String name : route.activeTimeIntervals()) {
      if (TimeInterval.anyContains(timeIntervals.getOrDefault(name, List.of()), now)) {
        return false;
      }
    }
    return true;
  }

  /** Shortest group_wait in the tree: how soon a fresh group can be due. */
  public Duration shortestGroupWait() {
    return root.flatten().stream()
        .map(r -> r.timing().groupWait())
        .min(Duration::compareTo)
        .orElse(Duration.ZERO);
  }
}
