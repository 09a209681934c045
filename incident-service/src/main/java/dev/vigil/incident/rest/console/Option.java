package dev.vigil.incident.rest.console;

/** One choice of a select box or a checkbox list. */
public record Option(String value, String label, boolean selected) {}
