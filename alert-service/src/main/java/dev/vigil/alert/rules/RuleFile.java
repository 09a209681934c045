package dev.vigil.alert.rules;

import dev.vigil.alert.domain.rule.RuleProblem;
import dev.vigil.alert.domain.rule.RuleSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One rule file, compiled all or nothing: if any rule has a problem, the file contributes no rules
 * and the caller keeps what it had before.
 *
 * @param origin file name (or {@code rest:<name>})
 * @param rules compiled rules; empty when {@code problems} is not
 * @param disabled names the file switches off ({@code enabled: false})
 * @param problems everything wrong, with lines
 */
public record RuleFile(
    String origin, List<CompiledRule> rules, List<String> disabled, List<RuleProblem> problems) {

  public RuleFile {
    rules = List.copyOf(rules);
    disabled = List.copyOf(disabled);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public static RuleFile compile(RuleCompiler compiler, String origin, String yaml) {
    return compile(compiler, origin, RuleYaml.parse(origin, yaml));
  }

  /** One rule given as a bare mapping, as {@code PUT /api/v1/rules/{name}} receives it. */
  public static RuleFile compileSingle(RuleCompiler compiler, String origin, String yaml) {
    return compile(compiler, origin, RuleYaml.parseSingle(origin, yaml));
  }

  private static RuleFile compile(RuleCompiler compiler, String origin, RuleYaml.Parsed parsed) {
    List<RuleProblem> problems = new ArrayList<>(parsed.problems());
    List<CompiledRule> rules = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parsed.specs().size(); i++) {
      RuleSpec spec = parsed.specs().get(i);
      String path = parsed.paths().get(i);
      if (!names.add(spec.name())) {
        problems.add(
            new RuleProblem(
                origin, spec.line("name"), spec.name(), path + ".name", "duplicate rule name"));
        continue;
      }
      RuleCompiler.Result r = compiler.compile(spec, path);
      problems.addAll(r.problems());
      if (r.rule() != null) {
        rules.add(r.rule());
      } else if (r.problems().isEmpty() && !spec.enabled()) {
        disabled.add(spec.name());
      }
    }
    if (!problems.isEmpty()) {
      return new RuleFile(origin, List.of(), List.of(), problems);
    }
    return new RuleFile(origin, rules, disabled, List.of());
  }
}
