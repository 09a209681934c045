package dev.vigil.alert.domain.notify;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Decides inhibition from the rules and the alerts firing now, anywhere in the service (sources are
 * looked up across all groups and partitions, so a provider outage handled by one replica still
 * inhibits the chain-lag alerts another replica notifies).
 */
public final class Inhibitor {

  private final List<InhibitRule> rules;
  private final Collection<NotifyAlert> firing;

  /**
   * @param firing alerts firing now; resolved ones are ignored, they inhibit nothing
   */
  public Inhibitor(List<InhibitRule> rules, Collection<NotifyAlert> firing) {
    this.rules = List.copyOf(rules);
    this.firing = firing.stream().filter(a -> !a.resolved()).toList();
  }

  /** Whether any rule could inhibit an alert with these labels (so sources are worth loading). */
  public static boolean anyTarget(List<InhibitRule> rules, Map<String, String> labels) {
    return rules.stream().anyMatch(r -> r.isTarget(labels));
  }

  /** Whether {@code target} is inhibited; an alert never inhibits itself. */
  public boolean inhibits(NotifyAlert target) {
    for (InhibitRule rule : rules) {
      if (!rule.isTarget(target.labels())) {
        continue;
      }
      for (NotifyAlert source : firing) {
        if (!source.fingerprint().equals(target.fingerprint())
            && rule.isSource(source.labels())
            && rule.sameEqualLabels(source.labels(), target.labels())) {
          return true;
        }
      }
    }
    return false;
  }
}
