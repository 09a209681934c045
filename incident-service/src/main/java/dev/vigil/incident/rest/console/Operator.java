package dev.vigil.incident.rest.console;

import dev.vigil.incident.rest.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in to the console and what the pages may offer them. The offer only hides forms;
 * every action is still checked by {@code @RolesAllowed} on its endpoint.
 *
 * @param name the user name, also the actor on the timeline
 * @param canAct acknowledge, resolve, annotate, post public updates, schedule maintenance
 * @param admin edit components
 */
public record Operator(String name, boolean canAct, boolean admin) {

  static Operator of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return new Operator("", false, false);
    }
    boolean admin = identity.hasRole(Roles.ADMIN);
    return new Operator(
        identity.getPrincipal().getName(), admin || identity.hasRole(Roles.RESPONDER), admin);
  }

  /** The user's roles in words, for the page header. */
  public String roleLabel() {
    if (admin) {
      return "admin";
    }
    return canAct ? "responder" : "viewer";
  }
}
