package dev.vigil.incident.rest.console;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;

/**
 * Why a console form was refused: the same problem the REST API would answer, turned into words
 * next to the form (and the field) at fault.
 *
 * @param form which form on the page ({@code resolve}, {@code note}, ...)
 * @param field the field at fault as the API names it ({@code text}, {@code components[0]}), or
 *     {@code null} when the whole form is at fault
 * @param message one sentence for the operator
 * @param status the HTTP status the page is answered with
 */
public record FormError(String form, String field, String message, int status) {

  static FormError of(String form, ProblemException e) {
    Problem problem = e.problem();
    if (!problem.errors().isEmpty()) {
      Problem.FieldError first = problem.errors().get(0);
      return new FormError(
          form, first.field(), label(first.field()) + " " + first.message(), problem.status());
    }
    String message = problem.detail() == null ? problem.title() : problem.detail();
    return new FormError(form, null, message, problem.status());
  }

  /** Whether this error belongs to {@code field} or to one of its parts ({@code match.team}). */
  boolean concerns(String name) {
    return field != null
        && (field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "["));
  }

  private static String label(String field) {
    return switch (field) {
      case "text" -> "The note";
      case "body" -> "The text";
      case "startsAt" -> "The start";
      case "endsAt" -> "The end";
      default -> "The " + field.replaceAll("\\[\\d+]", "").replace('.', ' ');
    };
  }
}
