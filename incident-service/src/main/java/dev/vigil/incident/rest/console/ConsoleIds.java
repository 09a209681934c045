package dev.vigil.incident.rest.console;

import dev.vigil.platform.problem.ProblemException;
import java.util.UUID;

/** Ids from console URLs: a malformed one is a "not found" page, not a stack trace. */
final class ConsoleIds {

  private ConsoleIds() {}

  static UUID incident(String id) {
    return parse("incident", id);
  }

  static UUID maintenance(String id) {
    return parse("maintenance", id);
  }

  private static UUID parse(String what, String id) {
    try {
      return UUID.fromString(id == null ? "" : id.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what, String.valueOf(id));
    }
  }
}
