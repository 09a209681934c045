package dev.vigil.alert.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An alert another system evaluated (Prometheus posting to {@code /api/v2/alerts}).
 *
 * @param labels identity; {@code alertname} is required, {@code severity} is read if present
 * @param annotations human text
 * @param startsAt when the sender says it started, may be {@code null}
 * @param endsAt when it ends; in the past means resolved, {@code null} means "until told otherwise,
 *     or the resolve timeout"
 * @param generatorUrl link back to the sender, may be {@code null}
 */
public record ExternalAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl) {

  public ExternalAlert {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
