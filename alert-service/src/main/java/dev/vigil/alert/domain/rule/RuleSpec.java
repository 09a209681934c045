package dev.vigil.alert.domain.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule as written in YAML, before its expressions are compiled. See the README for the format.
 *
 * @param name alert name ({@code alertname} label); unique across all rules
 * @param source CloudEvent type the rule reads, e.g. {@code dev.vigil.certificate.scanned.v1}
 * @param expr CEL condition that starts the alert
 * @param recoverExpr CEL condition that ends it (hysteresis); {@code null} means {@code !expr}
 * @param guard CEL condition without which the event says nothing about the rule; {@code null}
 *     means the source's default (certificates: the scan completed)
 * @param forEach {@code finding} to evaluate the rule once per finding of the event, else {@code
 *     null}
 * @param pendingFor {@code for}
 * @param keepFiringFor {@code keep_firing_for}
 * @param severity {@code info}, {@code warning}, {@code critical}, or a template giving one
 * @param labels extra labels, values are templates
 * @param annotations {@code summary}, {@code description}, ...: templates
 * @param identity labels that make the fingerprint; empty means all labels
 * @param value CEL expression for the alert's value, or {@code null}
 * @param noDataAfter for a no-data rule: how long an entity may stay silent; {@code null} for an
 *     ordinary rule
 * @param enabled {@code false} switches off a rule of the same name from a lower layer
 * @param origin where it was read
 * @param lines 1-based line of each field, for error messages
 */
public record RuleSpec(
    String name,
    String source,
    String expr,
    String recoverExpr,
    String guard,
    String forEach,
    Duration pendingFor,
    Duration keepFiringFor,
    String severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> identity,
    String value,
    Duration noDataAfter,
    boolean enabled,
    String origin,
    Map<String, Integer> lines) {

  public RuleSpec {
    Objects.requireNonNull(name, "name");
    pendingFor = pendingFor == null ? Duration.ZERO : pendingFor;
    keepFiringFor = keepFiringFor == null ? Duration.ZERO : keepFiringFor;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    identity = identity == null ? List.of() : List.copyOf(identity);
    lines = lines == null ? Map.of() : Map.copyOf(lines);
  }

  /** Line of {@code field}, else of the rule itself. */
  public int line(String field) {
    return lines.getOrDefault(field, lines.getOrDefault("name", 0));
  }

  public boolean isNoDataRule() {
    return noDataAfter != null;
  }
}
