package dev.vigil.alert.rest;

import dev.vigil.alert.rules.CompiledRule;
import dev.vigil.alert.rules.RuleFile;
import java.util.List;

/**
 * One source of rules and whether its latest version is in force.
 *
 * @param origin {@code classpath:rules/...}, a file name of the rules directory, or {@code
 *     rest:<name>}
 * @param valid whether the latest version compiled; if not, the last good version stays in force
 * @param rules names of the rules of the latest version (empty when invalid)
 * @param problems {@code file:line: field: message} for each problem
 */
public record RuleSourceDto(
    String origin, boolean valid, List<String> rules, List<String> problems) {

  static RuleSourceDto of(RuleFile f) {
    return new RuleSourceDto(
        f.origin(),
        f.valid(),
        f.rules().stream().map(CompiledRule::name).toList(),
        f.problems().stream().map(Object::toString).toList());
  }
}
