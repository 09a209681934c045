package dev.vigil.alert.domain.rule;

/**
 * One thing wrong with a rule definition, precise enough to fix it without guessing.
 *
 * @param origin the file (or {@code rest:<name>}) the rule came from
 * @param line 1-based line in that file, 0 when unknown
 * @param rule the rule's name, {@code null} when the problem is outside a rule
 * @param field the YAML field at fault, e.g. {@code rules[2].expr}
 * @param message what is wrong
 */
public record RuleProblem(String origin, int line, String rule, String field, String message) {

  @Override
  public String toString() {
    return origin
        + ":"
        + line
        + ": "
        + field
        + (rule == null ? "" : " (rule " + rule + ")")
        + ": "
        + message;
  }
}
