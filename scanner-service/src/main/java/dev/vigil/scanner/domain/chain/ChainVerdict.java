package dev.vigil.scanner.domain.chain;

import dev.vigil.events.Finding;
import dev.vigil.events.HealthStatus;
import java.util.List;

/**
 * The evaluation of one probe: overall status, typed findings and the derived figures that go into
 * {@code ChainHealthObserved}. Figures are {@code null} when the probe could not supply them.
 */
public record ChainVerdict(
    HealthStatus status,
    List<Finding> findings,
    Double headAgeSeconds,
    Long blocksSincePrevious,
    Long safeLagBlocks,
    Long finalizedLagBlocks,
    Double finalizedLagSeconds) {

  public ChainVerdict {
    findings = List.copyOf(findings);
  }

  public boolean has(String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }
}
