package dev.vigil.scanner.tls;

import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks certificate signatures, remembering the answers. A signature check is a pure function of
 * the certificate's bytes and the issuer's key, and the scanner sees the same intermediates and
 * roots (and, scan after scan, the same leaves) again and again, so the cache saves most of the
 * public-key work. Bounded: when full it is simply cleared.
 */
public final class SignatureChecks {

  private final ConcurrentHashMap<String, Boolean> verified = new ConcurrentHashMap<>();

  /** Trust anchors' self-signatures, checked once at startup and never evicted. */
  private final ConcurrentHashMap<String, Boolean> anchors = new ConcurrentHashMap<>();

  private final int maxEntries;

  /**
   * @param maxEntries how many answers to keep; 0 keeps none (every check does the public-key work)
   */
  public SignatureChecks(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  public SignatureChecks() {
    this(50_000);
  }

  /**
   * Checks a self-issued trust anchor's own signature now, so that a server sending the root along
   * (many do) costs no public-key operation for it.
   */
  void rememberAnchor(ParsedCertificate anchor) {
    if (anchor.selfIssued()) {
      anchors.put(key(anchor, anchor), verify(anchor, anchor));
    }
  }

  /** Whether {@code cert}'s signature verifies with {@code issuer}'s public key. */
  boolean signedBy(ParsedCertificate cert, ParsedCertificate issuer) {
    String key = key(cert, issuer);
    Boolean anchor = anchors.get(key);
    if (anchor != null) {
      return anchor;
    }
    if (maxEntries <= 0) {
      return verify(cert, issuer);
    }
    Boolean known = verified.get(key);
    if (known != null) {
      return known;
    }
    boolean valid = verify(cert, issuer);
    if (verified.size() >= maxEntries) {
      verified.clear();
    }
    verified.put(key, valid);
    return valid;
  }

  private static String key(ParsedCertificate cert, ParsedCertificate issuer) {
    return cert.sha256Fingerprint + '/' + issuer.spkiSha256;
  }

  private static boolean verify(ParsedCertificate cert, ParsedCertificate issuer) {
    try {
      PublicKey key = issuer.publicKey();
      ContentVerifierProvider provider =
          new JcaContentVerifierProviderBuilder()
              .setProvider(ParsedCertificate.PROVIDER)
              .build(key);
      return cert.holder().isSignatureValid(provider);
    } catch (Exception e) {
      // Unsupported algorithm, mismatched key type, malformed signature: not signed by this key.
      return false;
    }
  }
}
