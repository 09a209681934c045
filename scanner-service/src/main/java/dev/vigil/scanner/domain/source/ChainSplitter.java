package dev.vigil.scanner.domain.source;

import dev.vigil.scanner.domain.CertificateFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the certificates of a PEM bundle, in file order, into chains. A {@code fullchain.pem} (leaf,
 * intermediate, root) is one chain; a CA bundle of unrelated roots is one chain per root. A
 * certificate continues the current chain only when it issued the previous one and the previous one
 * is not self-signed (a self-signed certificate ends its chain).
 */
public final class ChainSplitter {

  private ChainSplitter() {}

  public static List<List<CertificateFacts>> split(List<CertificateFacts> certificates) {
    List<List<CertificateFacts>> chains = new ArrayList<>();
    List<CertificateFacts> current = new ArrayList<>();
    CertificateFacts previous = null;
    for (CertificateFacts cert : certificates) {
      boolean continues =
          previous != null
              && !previous.selfSigned()
              && !previous.issuer().equals(previous.subject())
              && previous.issuer().equals(cert.subject());
      if (!continues && !current.isEmpty()) {
        chains.add(List.copyOf(current));
        current = new ArrayList<>();
      }
      current.add(cert);
      previous = cert;
    }
    if (!current.isEmpty()) {
      chains.add(List.copyOf(current));
    }
    return chains;
  }
}
