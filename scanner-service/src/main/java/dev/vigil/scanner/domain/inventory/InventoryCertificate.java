package dev.vigil.scanner.domain.inventory;

import java.time.Instant;
import java.util.List;

/** What the cross-checks need to know about one certificate of the inventory. */
public record InventoryCertificate(
    String sha256,
    String spkiSha256,
    String subject,
    List<String> subjectAltNames,
    Instant notAfter,
    boolean certificateAuthority,
    List<Sighting> sightings) {

  public InventoryCertificate {
    subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    sightings = List.copyOf(sightings);
  }

  public String nameKey() {
    return CertificateNames.key(subject, subjectAltNames);
  }

  boolean currentlyAt(java.util.Set<String> kinds) {
    return sightings.stream().anyMatch(s -> s.current() && kinds.contains(s.kind()));
  }
}
