package dev.vigil.scanner.tls.store;

import java.util.List;

/**
 * Certificates found in a file, as DER.
 *
 * @param alias the keystore alias; {@code null} for PEM/DER files, whose certificates come in file
 *     order and may hold several chains
 * @param certificates DER encodings, leaf first for a keystore entry
 */
public record StoredEntry(String alias, List<byte[]> certificates) {

  public StoredEntry {
    certificates = List.copyOf(certificates);
  }
}
