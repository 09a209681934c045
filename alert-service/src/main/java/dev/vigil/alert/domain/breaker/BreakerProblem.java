package dev.vigil.alert.domain.breaker;

/**
 * One thing wrong with a breaker file, precise enough to fix it without guessing (the breakers'
 * counterpart of a rule problem).
 *
 * @param origin the file name
 * @param line 1-based line in that file, 0 when unknown
 * @param breaker the breaker's name, {@code null} when the problem is outside a definition or the
 *     name itself is wrong
 * @param field the YAML path at fault, e.g. {@code breakers[2].min_open}
 * @param message what is wrong
 */
public record BreakerProblem(
    String origin, int line, String breaker, String field, String message) {

  @Override
  public String toString() {
    return origin
        + ":"
        + line
        + ": "
        + field
        + (breaker == null ? "" : " (breaker " + breaker + ")")
        + ": "
        + message;
  }
}
