package dev.vigil.scanner.tls.store;

import java.util.List;

/**
 * Takes the certificates out of PEM bundles, DER files and PKCS#12 / JKS keystores. Private keys
 * are never read: PEM key blocks are skipped and keystore keys are never unwrapped.
 */
public interface CertificateStoreReader {

  /**
   * @param password keystore password, or {@code null} to read a keystore without one (JKS
   *     certificates are not encrypted); ignored for PEM/DER
   * @return the entries, empty when a PEM file holds no certificate (only keys, say)
   * @throws UnreadableStoreException when the content is not a readable certificate store
   */
  List<StoredEntry> read(StoreFormat format, byte[] content, char[] password)
      throws UnreadableStoreException;
}
