package dev.vigil.scanner.tls.revocation;

import dev.vigil.scanner.domain.RevocationAnswer.Why;
import dev.vigil.scanner.tls.Asn1Times;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A CRL that was signed by the issuer it was fetched for, reduced to what a lookup needs: its dates
 * and the revoked serial numbers, sorted, with their dates and reasons in parallel arrays (about 45
 * bytes per entry; a map of BigIntegers took three times that). The parsed CRL is dropped.
 *
 * <p>Read for speed: the signature is checked over the TBS bytes as received (BouncyCastle's {@code
 * isSignatureValid} re-encodes them, seconds for a 15 MB CRL), and entry dates are parsed by hand.
 */
final class Crl {

  private static final Provider BC = new BouncyCastleProvider();

  /** Any total order works for a binary search; this one is cheap: length, then bytes. */
  private static final Comparator<byte[]> ORDER =
      Comparator.<byte[]>comparingInt(b -> b.length).thenComparing(Arrays::compare);

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
  private final byte[][] serials;
  private final long[] revokedAt;
  private final byte[] reasons;

  private Crl(
      Instant thisUpdate, Instant nextUpdate, byte[][] serials, long[] revokedAt, byte[] reasons) {
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.serials = serials;
    this.revokedAt = revokedAt;
    this.reasons = reasons;
  }

  /** The entry of {@code serial}, or null when the CRL does not list it. */
  Revoked lookup(BigInteger serial) {
    int i = Arrays.binarySearch(serials, serial.toByteArray(), ORDER);
    if (i < 0) {
      return null;
    }
    return new Revoked(
        Instant.ofEpochSecond(revokedAt[i]), reasons[i] < 0 ? null : Reasons.name(reasons[i]));
  }

  int size() {
    return serials.length;
  }

  private record Entry(byte[] serial, long at, byte reason) {}

  /**
   * Reads a DER (or PEM) CRL and checks that {@code issuer} issued and signed it. Indirect CRLs
   * (issued by someone else on the issuer's behalf) and delta CRLs are not supported.
   */
  static Crl read(byte[] body, X509CertificateHolder issuer) throws CrlFailure {
    byte[] der;
    CertificateList crl;
    try {
      der = der(body);
      crl = CertificateList.getInstance(der);
    } catch (RuntimeException e) {
      throw new CrlFailure(Why.MALFORMED, "not a CRL");
    }
    if (!crl.getIssuer().equals(issuer.getSubject())) {
      throw new CrlFailure(
          Why.WRONG_CERTIFICATE, "the CRL is issued by " + crl.getIssuer() + ", not the issuer");
    }
    if (!signed(der, crl, issuer)) {
      throw new CrlFailure(Why.BAD_SIGNATURE, "the CRL is not signed by the issuer");
    }
    List<Entry> entries = new ArrayList<>();
    try {
      Enumeration<?> all = crl.getRevokedCertificateEnumeration();
      while (all.hasMoreElements()) {
        TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) all.nextElement();
        int reason = reasonCode(entry.getExtensions());
        if (reason != Reasons.REMOVE_FROM_CRL) {
          entries.add(
              new Entry(
                  entry.getUserCertificate().getValue().toByteArray(),
                  Asn1Times.instant(entry.getRevocationDate()).getEpochSecond(),
                  (byte) reason));
        }
      }
    } catch (RuntimeException e) {
      throw new CrlFailure(Why.MALFORMED, "unreadable CRL entry");
    }
    entries.sort(Comparator.comparing(Entry::serial, ORDER));
    byte[][] serials = new byte[entries.size()][];
    long[] at = new long[entries.size()];
    byte[] reasons = new byte[entries.size()];
    for (int i = 0; i < serials.length; i++) {
      serials[i] = entries.get(i).serial();
      at[i] = entries.get(i).at();
      reasons[i] = entries.get(i).reason();
    }
    Time next = crl.getNextUpdate();
    return new Crl(
        Asn1Times.instant(crl.getThisUpdate()),
        next == null ? null : Asn1Times.instant(next),
        serials,
        at,
        reasons);
  }

  /** The signature over the TBSCertList exactly as received. */
  private static boolean signed(byte[] der, CertificateList crl, X509CertificateHolder issuer) {
    try {
      if (!crl.getSignatureAlgorithm().equals(crl.getTBSCertList().getSignature())) {
        return false; // RFC 5280 5.1.1.2: the two must agree
      }
      ContentVerifier verifier =
          new JcaContentVerifierProviderBuilder()
              .setProvider(BC)
              .build(issuer)
              .get(crl.getSignatureAlgorithm());
      try (OutputStream out = verifier.getOutputStream()) {
        int[] tbs = firstElement(der);
        out.write(der, tbs[0], tbs[1]);
      }
      return verifier.verify(crl.getSignature().getOctets());
    } catch (Exception e) {
      return false;
    }
  }

  /** Offset and length of the first element inside the outer DER SEQUENCE. */
  private static int[] firstElement(byte[] der) {
    int inner = headerLength(der, 0);
    int length = headerLength(der, inner) + contentLength(der, inner);
    if (inner + length > der.length) {
      throw new IllegalArgumentException("truncated");
    }
    return new int[] {inner, length};
  }

  private static int headerLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int contentLength(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int bytes = first & 0x7f;
    if (bytes > 4) {
      throw new IllegalArgumentException("length too large");
    }
    int length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    if (length < 0) {
      throw new IllegalArgumentException("negative length");
    }
    return length;
  }

  private static int reasonCode(Extensions extensions) {
    Extension ext = extensions == null ? null : extensions.getExtension(Extension.reasonCode);
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
