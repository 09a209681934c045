package dev.vigil.scanner.domain;

/** A rule a request broke, naming the field at fault. */
public record FieldViolation(String field, String message) {}
