package dev.vigil.alert.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in force: layers of rule files merged by rule name, later layers winning (default
 * packs, then the rules directory, then rules stored through REST). A rule with {@code enabled:
 * false} removes the rule of that name from lower layers. Immutable; replaced as a whole on reload.
 */
public final class RuleSet {

  public static final RuleSet EMPTY = new RuleSet(Map.of());

  private final Map<String, CompiledRule> byName;
  private final Map<String, List<CompiledRule>> bySource;
  private final List<CompiledRule> noData;

  private RuleSet(Map<String, CompiledRule> byName) {
    this.byName = Map.copyOf(byName);
    Map<String, List<CompiledRule>> sources = new HashMap<>();
    List<CompiledRule> silent = new ArrayList<>();
    for (CompiledRule r : byName.values()) {
      if (r.isNoDataRule()) {
        silent.add(r);
      } else {
        sources.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r);
      }
    }
    sources.replaceAll((k, v) -> List.copyOf(v));
    this.bySource = Map.copyOf(sources);
    this.noData = List.copyOf(silent);
  }

  /** Merges valid files in order; later files override earlier ones by rule name. */
  public static RuleSet merge(Collection<RuleFile> files) {
    Map<String, CompiledRule> byName = new LinkedHashMap<>();
    for (RuleFile f : files) {
      if (!f.valid()) {
        continue;
      }
      f.disabled().forEach(byName::remove);
      f.rules().forEach(r -> byName.put(r.name(), r));
    }
    return new RuleSet(byName);
  }

  /** What every rule over this event's type says about it; each distinct guard runs once. */
  public List<RuleOutcome> evaluate(Facts facts) {
    List<CompiledRule> rules = bySource.getOrDefault(facts.source(), List.of());
    List<RuleOutcome> out = new ArrayList<>(rules.size());
    Map<String, Object> guards = new HashMap<>();
    for (CompiledRule r : rules) {
      out.add(r.evaluate(facts, guards));
    }
    return out;
  }

  public boolean hasRulesFor(String source) {
    return bySource.containsKey(source);
  }

  public Optional<CompiledRule> rule(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<CompiledRule> all() {
    return byName.values();
  }

  /** No-data rules, whose alerts the periodic sweep raises. */
  public List<CompiledRule> noDataRules() {
    return noData;
  }

  /** No-data rules watching entities of {@code source}. */
  public List<CompiledRule> noDataRules(String source) {
    return noData.stream().filter(r -> r.source().equals(source)).toList();
  }
}
