package dev.vigil.alert.service.notify;

import dev.vigil.alert.domain.notify.InhibitRule;
import dev.vigil.alert.domain.notify.Inhibitor;
import dev.vigil.alert.domain.notify.NotifyAlert;
import dev.vigil.alert.domain.notify.Silence;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Silences and inhibition as seen by one transaction that flushes groups. The firing alerts (the
 * inhibition sources) are loaded only once a group holds a possible target, and then once.
 */
final class Mutes {

  private final List<Silence> active;
  private final List<InhibitRule> rules;
  private final Supplier<List<NotifyAlert>> firing;
  private final Instant now;
  private Inhibitor inhibitor;

  Mutes(
      List<Silence> active,
      List<InhibitRule> rules,
      Supplier<List<NotifyAlert>> firing,
      Instant now) {
    this.active = active;
    this.rules = rules;
    this.firing = firing;
    this.now = now;
  }

  /** Loads the inhibition sources if any of {@code alerts} could be inhibited. */
  void prepare(List<NotifyAlert> alerts) {
    if (inhibitor == null
        && !rules.isEmpty()
        && alerts.stream().anyMatch(a -> Inhibitor.anyTarget(rules, a.labels()))) {
      inhibitor = new Inhibitor(rules, firing.get());
    }
  }

  boolean muted(NotifyAlert a) {
    for (Silence s : active) {
      if (s.mutes(a.labels(), now)) {
        return true;
      }
    }
    return inhibitor != null && inhibitor.inhibits(a);
  }
}
