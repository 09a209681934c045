package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as the notifier sees it: the latest state learnt from {@code AlertFired} / {@code
 * AlertResolved}.
 *
 * @param endsAt when it resolved; {@code null} while firing
 */
public record NotifyAlert(
    String fingerprint,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl) {

  public NotifyAlert {
    labels = Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public boolean resolved() {
    return endsAt != null;
  }
}
