package dev.vigil.scanner.tls.revocation;

import dev.vigil.scanner.domain.RevocationAnswer.Why;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A CRL that was signed by the issuer it was fetched for, reduced to what a lookup needs: its dates
 * and the revoked serial numbers. The full ASN.1 tree of a large CRL is many times its size; this
 * index is what the cache keeps.
 */
final class Crl {

  private static final Provider BC = new BouncyCastleProvider();

  /** One revoked serial. */
  record Revoked(Instant at, String reason) {}

  /** Why a CRL was not usable. */
  static final class CrlFailure extends Exception {
    final Why why;

    CrlFailure(Why why, String message) {
      super(message);
      this.why = why;
    }
  }

  final Instant thisUpdate;
  final Instant nextUpdate;
  private final Map<BigInteger, Revoked> revoked;

  private Crl(Instant thisUpdate, Instant nextUpdate, Map<BigInteger, Revoked> revoked) {
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.revoked = revoked;
  }

  /** The entry of {@code serial}, or null when the CRL does not list it. */
  Revoked lookup(BigInteger serial) {
    return revoked.get(serial);
  }

  int size() {
    return revoked.size();
  }

  /**
   * Reads a DER (or PEM) CRL and checks that {@code issuer} issued and signed it. Indirect CRLs
   * (issued by someone else on the issuer's behalf) and delta CRLs are not supported.
   */
  static Crl read(byte[] body, X509CertificateHolder issuer) throws CrlFailure {
    X509CRLHolder crl;
    try {
      crl = new X509CRLHolder(der(body));
    } catch (Exception e) {
      throw new CrlFailure(Why.MALFORMED, "not a CRL");
    }
    if (!crl.getIssuer().equals(issuer.getSubject())) {
      throw new CrlFailure(
          Why.WRONG_CERTIFICATE, "the CRL is issued by " + crl.getIssuer() + ", not the issuer");
    }
    boolean signed;
    try {
      signed =
          crl.isSignatureValid(
              new JcaContentVerifierProviderBuilder().setProvider(BC).build(issuer));
    } catch (Exception e) {
      signed = false;
    }
    if (!signed) {
      throw new CrlFailure(Why.BAD_SIGNATURE, "the CRL is not signed by the issuer");
    }
    Map<BigInteger, Revoked> index = new HashMap<>();
    for (Object o : crl.getRevokedCertificates()) {
      X509CRLEntryHolder entry = (X509CRLEntryHolder) o;
      int reason = reasonCode(entry);
      if (reason != Reasons.REMOVE_FROM_CRL) {
        index.put(
            entry.getSerialNumber(),
            new Revoked(
                entry.getRevocationDate().toInstant(), reason < 0 ? null : Reasons.name(reason)));
      }
    }
    return new Crl(
        crl.getThisUpdate().toInstant(),
        crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
        index);
  }

  private static int reasonCode(X509CRLEntryHolder entry) {
    Extension ext =
        entry.getExtensions() == null
            ? null
            : entry.getExtensions().getExtension(Extension.reasonCode);
    if (ext == null) {
      return -1;
    }
    try {
      return CRLReason.getInstance(ext.getParsedValue()).getValue().intValue();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** CRLs are DER by the RFC; some servers publish PEM anyway. */
  private static byte[] der(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.US_ASCII);
    if (!head.contains("-----BEGIN")) {
      return body;
    }
    String text = new String(body, StandardCharsets.US_ASCII);
    int start = text.indexOf('\n', text.indexOf("-----BEGIN"));
    int end = text.indexOf("-----END");
    return Base64.getMimeDecoder().decode(text.substring(start + 1, end));
  }
}
