package dev.vigil.alert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.alert.domain.rule.RuleSpec;
import java.util.List;
import java.util.Map;

/** A rule in force, as {@code GET /api/v1/rules} shows it. Durations in ISO-8601. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleDto(
    String name,
    String origin,
    String source,
    String expr,
    String recoverExpr,
    String guard,
    String forEach,
    String pendingFor,
    String keepFiringFor,
    String severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<String> identity,
    String value,
    String noData) {

  static RuleDto of(RuleSpec s) {
    return new RuleDto(
        s.name(),
        s.origin(),
        s.source(),
        s.expr(),
        s.recoverExpr(),
        s.guard(),
        s.forEach(),
        s.pendingFor().toString(),
        s.keepFiringFor().toString(),
        s.severity(),
        s.labels(),
        s.annotations(),
        s.identity(),
        s.value(),
        s.noDataAfter() == null ? null : s.noDataAfter().toString());
  }
}
