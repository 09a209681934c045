package dev.vigil.scanner.domain;

import dev.vigil.events.CertificateSummary;
import dev.vigil.events.Finding;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one served chain.
 *
 * @param chain summaries in served order, leaf first
 * @param earliestNotAfter the first expiry in the chain
 * @param daysLeft whole days until {@code earliestNotAfter}, negative once past
 * @param findings what is wrong
 */
public record ChainAnalysis(
    List<CertificateSummary> chain,
    Instant earliestNotAfter,
    long daysLeft,
    List<Finding> findings) {

  public ChainAnalysis {
    chain = List.copyOf(chain);
    findings = List.copyOf(findings);
  }
}
