package dev.vigil.scanner.tls;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the served certificates whose revocation status can be asked with their issuers: an OCSP
 * request names the issuer's key, and a response or CRL must be signed by it.
 */
public final class IssuerLookup {

  /**
   * @param position the certificate's position in the served chain
   * @param certificate its DER encoding
   * @param issuer the DER of the certificate that signed it (served or a trust anchor), or null
   *     when neither was found
   */
  public record Subject(int position, byte[] certificate, byte[] issuer) {}

  private final TrustAnchors anchors;
  private final SignatureChecks signatures;
  private final ParsedCertificates parsed;

  public IssuerLookup(TrustAnchors anchors, SignatureChecks signatures, ParsedCertificates parsed) {
    this.anchors = anchors;
    this.signatures = signatures;
    this.parsed = parsed;
  }

  /**
   * The certificates on the path from the leaf towards a trust anchor, leaf first, each with its
   * issuer; at most {@code max}. The path stops at a self-signed certificate or a trust anchor
   * (nobody can revoke a root), and after a certificate whose issuer was not found.
   */
  public List<Subject> path(List<byte[]> served, int max) {
    List<ParsedCertificate> certs = new ArrayList<>(served.size());
    for (byte[] der : served) {
      certs.add(parsed.parse(der));
    }
    List<Subject> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    int position = 0;
    while (out.size() < max && position >= 0 && seen.add(position)) {
      ParsedCertificate cert = certs.get(position);
      boolean selfSigned = cert.selfIssued() && signatures.signedBy(cert, cert);
      if (selfSigned || anchors.sameAs(cert).isPresent()) {
        break;
      }
      int next = servedIssuer(certs, cert, position);
      if (next >= 0) {
        out.add(new Subject(position, cert.der, certs.get(next).der));
        position = next;
        continue;
      }
      Optional<TrustAnchors.Entry> anchor = anchors.issuerOf(cert, signatures);
      out.add(new Subject(position, cert.der, anchor.map(e -> e.certificate().der).orElse(null)));
      break;
    }
    return out;
  }

  private int servedIssuer(List<ParsedCertificate> certs, ParsedCertificate cert, int self) {
    for (int j = 0; j < certs.size(); j++) {
      int candidate = (self + 1 + j) % certs.size(); // the next one first, as chains are ordered
      if (candidate != self
          && cert.namesIssuer(certs.get(candidate))
          && signatures.signedBy(cert, certs.get(candidate))) {
        return candidate;
      }
    }
    return -1;
  }
}
