package dev.vigil.alert.domain.breaker;

/** A firing alert that holds a breaker's scope open. */
public record FiringAlert(String fingerprint, String alertName) {}
