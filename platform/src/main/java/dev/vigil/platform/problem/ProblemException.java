package dev.vigil.platform.problem;

import java.util.List;

/** Thrown by services for a request that breaks a rule; rendered as problem+json. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.problem = Problem.of(status, title, detail, errors);
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        400,
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(404, "Not found", what + " " + id + " does not exist", List.of());
  }

  public Problem problem() {
    return problem;
  }
}
