package dev.vigil.alert.rules;

import dev.vigil.alert.domain.rule.RuleProblem;
import dev.vigil.alert.domain.rule.RuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a {@link RuleSpec} and compiles its CEL: every problem is reported with the file, line
 * and field, and a rule with any problem is not compiled.
 */
public final class RuleCompiler {

  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  static final Set<String> SEVERITIES = Set.of("info", "warning", "critical");

  private final CelExpressions cel;

  public RuleCompiler(CelExpressions cel) {
    this.cel = cel;
  }

  /**
   * @param result the compiled rule, or {@code null} when {@code problems} is not empty or the rule
   *     is disabled
   */
  public record Result(CompiledRule rule, List<RuleProblem> problems) {}

  /**
   * @param path field path prefix, e.g. {@code rules[3]}
   */
  public Result compile(RuleSpec spec, String path) {
    Problems p = new Problems(spec, path);
    if (!NAME.matcher(spec.name()).matches()) {
      p.add("name", "must match " + NAME.pattern());
    }
    if (!spec.enabled()) {
      return new Result(null, p.list);
    }
    if (spec.source() == null || spec.source().isBlank()) {
      p.add("source", "is required: the CloudEvent type the rule reads");
      return new Result(null, p.list);
    }
    EventSchema schema = spec.isNoDataRule() ? EventSchema.NO_DATA : EventSchema.of(spec.source());
    boolean forEach = spec.forEach() != null;
    if (forEach && (!EventSchema.FINDING.equals(spec.forEach()) || !schema.hasFindings())) {
      p.add("for_each", "only 'finding' is supported, for sources whose events carry findings");
    }
    boolean perFinding = forEach && schema.hasFindings();
    CelExpressions.Expression guard = null;
    CelExpressions.Expression expr = null;
    CelExpressions.Expression recover = null;
    if (spec.isNoDataRule()) {
      if (spec.expr() != null || spec.recoverExpr() != null || spec.forEach() != null) {
        p.add("no_data", "a no-data rule has no expr, recover_expr or for_each");
      }
      if (spec.noDataAfter().isZero()) {
        p.add("no_data", "must be longer than 0");
      }
    } else {
      String g = spec.guard() == null ? schema.defaultGuard() : spec.guard();
      guard = "true".equals(g.trim()) ? null : condition(p, "guard", schema, false, g);
      if (spec.expr() == null || spec.expr().isBlank()) {
        p.add("expr", "is required");
      } else {
        expr = condition(p, "expr", schema, perFinding, spec.expr());
      }
      if (spec.recoverExpr() != null) {
        recover = condition(p, "recover_expr", schema, perFinding, spec.recoverExpr());
      }
    }
    String sev = spec.severity() == null ? "warning" : spec.severity();
    if (!sev.contains("{{") && !SEVERITIES.contains(sev.toLowerCase(Locale.ROOT))) {
      p.add("severity", "must be info, warning, critical or a {{ }} template giving one");
    }
    Template severity = template(p, "severity", schema, perFinding, sev);
    Map<String, Template> labels = new LinkedHashMap<>();
    spec.labels()
        .forEach(
            (name, text) -> {
              if (!NAME.matcher(name).matches() || FactSheets.ALERTNAME.equals(name)) {
                p.add("labels." + name, "not a label name Vigil lets a rule set");
              }
              labels.put(name, template(p, "labels." + name, schema, perFinding, text));
            });
    Map<String, Template> annotations = new LinkedHashMap<>();
    spec.annotations()
        .forEach(
            (name, text) ->
                annotations.put(
                    name, template(p, "annotations." + name, schema, perFinding, text)));
    for (String label : spec.identity()) {
      if (!NAME.matcher(label).matches()) {
        p.add("identity", "'" + label + "' is not a label name");
      }
    }
    CelExpressions.Expression value =
        spec.value() == null ? null : any(p, "value", schema, perFinding, spec.value());
    if (!p.list.isEmpty()) {
      return new Result(null, p.list);
    }
    return new Result(
        new CompiledRule(spec, guard, expr, recover, severity, labels, annotations, value),
        List.of());
  }

  private CelExpressions.Expression condition(
      Problems p, String field, EventSchema schema, boolean perFinding, String text) {
    try {
      return cel.condition(schema, perFinding, text);
    } catch (CelExpressions.CompileException e) {
      p.cel(field, e);
      return null;
    }
  }

  private CelExpressions.Expression any(
      Problems p, String field, EventSchema schema, boolean perFinding, String text) {
    try {
      return cel.any(schema, perFinding, text);
    } catch (CelExpressions.CompileException e) {
      p.cel(field, e);
      return null;
    }
  }

  private Template template(
      Problems p, String field, EventSchema schema, boolean perFinding, String text) {
    try {
      return Template.compile(cel, schema, perFinding, text);
    } catch (CelExpressions.CompileException e) {
      p.cel(field, e);
      return null;
    }
  }

  private static final class Problems {
    final RuleSpec spec;
    final String path;
    final List<RuleProblem> list = new ArrayList<>();

    Problems(RuleSpec spec, String path) {
      this.spec = spec;
      this.path = path;
    }

    void add(String field, String message) {
      String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
      int line = spec.lines().getOrDefault(field, spec.line(top));
      list.add(new RuleProblem(spec.origin(), line, spec.name(), path + "." + field, message));
    }

    /** CEL lines count inside the expression; block scalars start on the line after the key. */
    void cel(String field, CelExpressions.CompileException e) {
      String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
      int base = spec.lines().getOrDefault(field, spec.line(top));
      for (CelExpressions.CompileError err : e.errors()) {
        list.add(
            new RuleProblem(
                spec.origin(),
                base + err.line() - 1,
                spec.name(),
                path + "." + field,
                "CEL, column " + err.column() + ": " + err.message()));
      }
    }
  }
}
