package dev.vigil.alert.rules;

import dev.vigil.alert.domain.Fingerprint;
import dev.vigil.alert.domain.Observation;
import dev.vigil.alert.domain.RuleTiming;
import dev.vigil.alert.domain.rule.RuleSpec;
import dev.vigil.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A rule whose expressions are compiled and type-checked; evaluates events. Immutable. */
public final class CompiledRule {

  private final RuleSpec spec;
  private final CelExpressions.Expression guard;
  private final CelExpressions.Expression expr;
  private final CelExpressions.Expression recover;
  private final Template severity;
  private final Map<String, Template> labels;
  private final Map<String, Template> annotations;
  private final CelExpressions.Expression value;
  private final RuleTiming timing;

  CompiledRule(
      RuleSpec spec,
      CelExpressions.Expression guard,
      CelExpressions.Expression expr,
      CelExpressions.Expression recover,
      Template severity,
      Map<String, Template> labels,
      Map<String, Template> annotations,
      CelExpressions.Expression value) {
    this.spec = spec;
    this.guard = guard;
    this.expr = expr;
    this.recover = recover;
    this.severity = severity;
    this.labels = Map.copyOf(labels);
    this.annotations = new LinkedHashMap<>(annotations);
    this.value = value;
    this.timing = new RuleTiming(spec.pendingFor(), spec.keepFiringFor());
  }

  public String name() {
    return spec.name();
  }

  public String source() {
    return spec.source();
  }

  public RuleSpec spec() {
    return spec;
  }

  public RuleTiming timing() {
    return timing;
  }

  public boolean isNoDataRule() {
    return spec.isNoDataRule();
  }

  /** Evaluates one event. Never throws for bad data: errors become "no data" with the message. */
  public RuleOutcome evaluate(Facts facts) {
    return evaluate(facts, new HashMap<>());
  }

  /**
   * @param guards results of guards already evaluated for this event, by expression text: most
   *     rules of a source share its default guard, which then runs once per event, not per rule
   */
  RuleOutcome evaluate(Facts facts, Map<String, Object> guards) {
    Map<String, Object> vars = facts.variables();
    if (guard != null) {
      Object passed = guards.computeIfAbsent(guard.text(), text -> guard(vars));
      if (passed instanceof CelExpressions.EvaluationException e) {
        return new RuleOutcome(this, true, List.of(), e.getMessage());
      }
      if (!((Boolean) passed)) {
        return new RuleOutcome(this, true, List.of(), null);
      }
    }
    String[] error = new String[1];
    if (!EventSchema.FINDING.equals(spec.forEach())) {
      return new RuleOutcome(this, false, List.of(instance(facts, vars, null, error)), error[0]);
    }
    Map<String, RuleInstance> byCode = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings = (List<Map<String, Object>>) vars.get("findings");
    for (Map<String, Object> finding : findings) {
      String code = String.valueOf(finding.get("code"));
      RuleInstance known = byCode.get(code);
      if (known != null && known.observation() == Observation.MATCH) {
        continue; // several findings with one code are one alert; the first match wins
      }
      Map<String, Object> v = new HashMap<>(vars);
      v.put(EventSchema.FINDING, finding);
      RuleInstance i = instance(facts, v, code, error);
      if (i.observation() != Observation.RECOVERED) {
        byCode.put(code, i);
      }
    }
    return new RuleOutcome(this, false, new ArrayList<>(byCode.values()), error[0]);
  }

  /** The guard's verdict, or the error that made it unanswerable. */
  private Object guard(Map<String, Object> vars) {
    try {
      return guard.test(vars);
    } catch (CelExpressions.EvaluationException e) {
      return e;
    }
  }

  /**
   * The alert of a no-data rule for an entity that has been silent too long.
   *
   * @param entityLabels the labels of the entity's last observation
   */
  public RuleInstance silent(
      String entityId, Map<String, String> entityLabels, Instant lastSeen, Instant now) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("entity", entityId);
    vars.put("source", spec.source());
    vars.put("labels", entityLabels);
    vars.put("lastSeen", lastSeen.toString());
    vars.put(
        "silentFor", Duration.between(lastSeen, now).truncatedTo(ChronoUnit.SECONDS).toString());
    return new RuleInstance(this, entityLabels, null, Observation.MATCH, severity(vars), vars);
  }

  private RuleInstance instance(
      Facts facts, Map<String, Object> vars, String findingCode, String[] error) {
    Observation observed;
    try {
      if (expr.test(vars)) {
        observed = Observation.MATCH;
      } else if (recover == null || recover.test(vars)) {
        observed = Observation.RECOVERED;
      } else {
        observed = Observation.HOLD;
      }
    } catch (CelExpressions.EvaluationException e) {
      observed = Observation.NO_DATA;
      error[0] = error[0] == null ? e.getMessage() : error[0];
    }
    Severity s = observed == Observation.MATCH ? severity(vars) : null;
    return new RuleInstance(this, facts.labels(), findingCode, observed, s, vars);
  }

  /** Base labels, then the rule's, then the finding and the alert name, which always win. */
  Map<String, String> labels(Map<String, String> base, Map<String, ?> vars, String findingCode) {
    Map<String, String> l = new HashMap<>(base);
    labels.forEach(
        (name, template) -> {
          String v = template.render(vars);
          if (v.isEmpty()) {
            l.remove(name); // as Prometheus: an empty label is no label
          } else {
            l.put(name, v);
          }
        });
    if (findingCode != null) {
      l.put(FactSheets.FINDING_LABEL, findingCode);
    }
    l.put(FactSheets.ALERTNAME, spec.name());
    return l;
  }

  String fingerprint(Map<String, String> labels) {
    if (spec.identity().isEmpty()) {
      return Fingerprint.of(labels);
    }
    Map<String, String> identity = new TreeMap<>();
    identity.put(FactSheets.ALERTNAME, spec.name());
    for (String name : spec.identity()) {
      String v = labels.get(name);
      if (v != null) {
        identity.put(name, v);
      }
    }
    if (labels.containsKey(FactSheets.FINDING_LABEL)) {
      identity.put(FactSheets.FINDING_LABEL, labels.get(FactSheets.FINDING_LABEL));
    }
    return Fingerprint.of(identity);
  }

  Severity severity(Map<String, ?> vars) {
    String s = severity.render(vars).trim().toUpperCase(Locale.ROOT);
    try {
      return Severity.valueOf(s);
    } catch (IllegalArgumentException e) {
      return Severity.WARNING; // a bad severity template must not swallow the alert
    }
  }

  Map<String, String> annotations(Map<String, ?> vars) {
    Map<String, String> out = new LinkedHashMap<>();
    annotations.forEach((name, template) -> out.put(name, template.render(vars)));
    return out;
  }

  Double value(Map<String, ?> vars) {
    if (value == null) {
      return null;
    }
    try {
      return value.eval(vars) instanceof Number n ? n.doubleValue() : null;
    } catch (CelExpressions.EvaluationException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "rule " + spec.name() + " (" + spec.origin() + ")";
  }
}
