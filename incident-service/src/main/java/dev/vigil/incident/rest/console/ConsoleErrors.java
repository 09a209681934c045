package dev.vigil.incident.rest.console;

import dev.vigil.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Failures the console shows as pages rather than problem+json: a user without the role for an
 * action, an incident that does not exist. Each console resource maps its exceptions through here
 * (resource-local mappers, so the REST API keeps its own answers).
 */
final class ConsoleErrors {

  private ConsoleErrors() {}

  static Response forbidden(Operator operator) {
    String needed =
        operator.canAct()
            ? "This needs the admin role."
            : "Incidents, components and maintenance are yours to look at; acting on them"
                + " needs the responder or admin role.";
    return page(
        403,
        operator,
        "Not allowed",
        "You are signed in as "
            + operator.name()
            + " with the "
            + operator.roleLabel()
            + " role. "
            + needed);
  }

  static Response problem(Operator operator, ProblemException e) {
    int status = e.problem().status();
    String heading = status == 404 ? "Not found" : e.problem().title();
    String message = e.problem().detail() == null ? e.problem().title() : e.problem().detail();
    return page(status, operator, heading, message);
  }

  private static Response page(int status, Operator operator, String heading, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(ConsoleViews.error(operator, heading, message))
        .build();
  }
}
