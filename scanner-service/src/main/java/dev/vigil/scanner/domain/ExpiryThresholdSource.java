package dev.vigil.scanner.domain;

import java.util.Optional;

/**
 * One place thresholds for a target can come from: label rules today, a per-target override later.
 * {@link ExpiryPolicy} asks its sources in order and takes the first answer.
 */
@FunctionalInterface
public interface ExpiryThresholdSource {

  Optional<ExpiryThresholds> thresholdsFor(TargetSpec target);
}
