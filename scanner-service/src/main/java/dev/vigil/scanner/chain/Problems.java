package dev.vigil.scanner.chain;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.scanner.domain.FieldViolation;
import java.util.List;

/** Field violations as one problem+json response naming every field at fault. */
final class Problems {

  private Problems() {}

  static void requireValid(String title, List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    List<Problem.FieldError> errors =
        violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
    throw new ProblemException(
        400, title, errors.get(0).field() + ": " + errors.get(0).message(), errors);
  }

  static ProblemException conflict(String what, String id) {
    return new ProblemException(
        409,
        "Conflict",
        what + " " + id + " already exists",
        List.of(new Problem.FieldError("id", "already exists")));
  }
}
