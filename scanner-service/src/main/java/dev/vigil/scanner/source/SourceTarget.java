package dev.vigil.scanner.source;

import dev.vigil.events.ScanTarget;
import java.util.Map;

/**
 * A certificate place that is configuration, not a registered target: a file or a Kubernetes object
 * (one per chain or keystore alias it holds).
 */
public record SourceTarget(String targetId, ScanTarget target, Map<String, String> labels) {

  public SourceTarget {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
