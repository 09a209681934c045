package dev.vigil.incident.rest;

/**
 * The roles incident-service knows. Users and their roles come from configuration (see README,
 * "Authentication"); there are none by default, so nothing can be changed until an operator
 * configures them.
 */
public final class Roles {

  /** Reads the operator console; changes nothing. */
  public static final String VIEWER = "viewer";

  /** Acknowledges, resolves and annotates incidents. */
  public static final String RESPONDER = "responder";

  /** Everything a responder does, plus components, maintenance and SLA settings. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
