package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** HOSTNAME_MISMATCH: the leaf does not name the host the client asked for. */
final class IdentityCheck {

  private IdentityCheck() {}

  /**
   * The name a client verifies: the SNI name (explicit, else the host when it is a name), or the
   * host's IP literal when there is no name.
   */
  static String expectedName(TargetSpec target) {
    String name = target.effectiveServerName();
    return name != null ? name : target.host();
  }

  static Optional<Finding> check(TargetSpec target, CertificateFacts leaf) {
    String expected = expectedName(target);
    if (expected == null) {
      return Optional.empty();
    }
    if (HostnameMatcher.match(expected, leaf.subjectAltNames(), leaf.commonName()).isPresent()) {
      return Optional.empty();
    }
    Map<String, String> evidence = new HashMap<>();
    evidence.put("expectedName", expected);
    evidence.put("subjectAltNames", Checks.join(leaf.subjectAltNames()));
    if (leaf.commonName() != null) {
      evidence.put("commonName", leaf.commonName());
    }
    String names =
        leaf.subjectAltNames().isEmpty()
            ? "no subjectAltName" + (leaf.commonName() == null ? "" : ", CN " + leaf.commonName())
            : String.join(", ", leaf.subjectAltNames());
    return Optional.of(
        new Finding(
            FindingCodes.HOSTNAME_MISMATCH,
            Severity.CRITICAL,
            0,
            "the leaf certificate does not cover " + expected + " (it names " + names + ")",
            evidence));
  }
}
