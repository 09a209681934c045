package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.Map;

/** Test alerts. */
final class Alerts {

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private Alerts() {}

  static NotifyAlert firing(String fp, Map<String, String> labels) {
    return new NotifyAlert(fp, labels, Map.of("summary", "s-" + fp), T0, null, null);
  }

  static NotifyAlert firing(String fp) {
    return firing(fp, Map.of("alertname", "A", "id", fp));
  }

  static NotifyAlert resolved(String fp) {
    return new NotifyAlert(
        fp, Map.of("alertname", "A", "id", fp), Map.of(), T0, T0.plusSeconds(60), null);
  }
}
