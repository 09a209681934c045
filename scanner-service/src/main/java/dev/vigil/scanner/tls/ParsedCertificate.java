package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.tls.CertificateDecoder.CertificateDecodingException;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One certificate parsed once, with what both the decoder and the verifier need: the BouncyCastle
 * holder, the encoded names for exact issuer matching, the public key and the hashes.
 */
final class ParsedCertificate {

  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  private static final HexFormat HEX = HexFormat.of();

  final byte[] der;

  /**
   * The full ASN.1 tree is several times the size of the DER, and only needed on a cache miss
   * (reading facts, checking a signature, fetching AIA): softly held, re-parsed if collected.
   */
  private volatile SoftReference<X509CertificateHolder> holder;

  final byte[] subjectDer;
  final byte[] issuerDer;
  final String sha256Fingerprint;
  final String spkiSha256;
  private PublicKey publicKey;

  /** The decoder's reading of this certificate, kept so a cached certificate is read once. */
  volatile CertificateFacts facts;

  private String subject;
  private String issuer;

  private ParsedCertificate(byte[] der, X509CertificateHolder holder) throws IOException {
    this.der = der;
    this.holder = new SoftReference<>(holder);
    this.subjectDer = holder.getSubject().getEncoded();
    this.issuerDer = holder.getIssuer().getEncoded();
    this.sha256Fingerprint = sha256Hex(der);
    this.spkiSha256 = sha256Hex(holder.getSubjectPublicKeyInfo().getEncoded());
  }

  /**
   * @throws CertificateDecodingException when the bytes are not a DER X.509 certificate
   */
  static ParsedCertificate parse(byte[] der) {
    try {
      return new ParsedCertificate(der, new X509CertificateHolder(der));
    } catch (IOException | RuntimeException e) {
      throw new CertificateDecodingException("not a DER X.509 certificate: " + e.getMessage(), e);
    }
  }

  X509CertificateHolder holder() {
    X509CertificateHolder h = holder.get();
    if (h == null) {
      try {
        h = new X509CertificateHolder(der);
      } catch (IOException e) {
        throw new IllegalStateException("a certificate parsed before no longer parses", e);
      }
      holder = new SoftReference<>(h);
    }
    return h;
  }

  /** The subject public key; parsed on first use. */
  synchronized PublicKey publicKey() {
    if (publicKey == null) {
      try {
        publicKey = BouncyCastleProvider.getPublicKey(holder().getSubjectPublicKeyInfo());
      } catch (IOException | RuntimeException e) {
        throw new CertificateDecodingException("unreadable public key: " + e.getMessage(), e);
      }
      if (publicKey == null) {
        throw new CertificateDecodingException(
            "unsupported public key algorithm "
                + holder().getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm(),
            null);
      }
    }
    return publicKey;
  }

  /** Issuer and subject names are the same (a root, or a self-signed leaf). */
  boolean selfIssued() {
    return Arrays.equals(subjectDer, issuerDer);
  }

  /** Whether {@code candidate}'s subject is this certificate's issuer (exact DER match). */
  boolean namesIssuer(ParsedCertificate candidate) {
    return Arrays.equals(issuerDer, candidate.subjectDer);
  }

  String subject() {
    if (subject == null) {
      subject = BCStyle.INSTANCE.toString(holder().getSubject());
    }
    return subject;
  }

  String issuer() {
    if (issuer == null) {
      issuer = BCStyle.INSTANCE.toString(holder().getIssuer());
    }
    return issuer;
  }

  Instant notBefore() {
    return instant(holder().toASN1Structure().getStartDate());
  }

  Instant notAfter() {
    return instant(holder().toASN1Structure().getEndDate());
  }

  /**
   * RFC 5280 times are {@code YYMMDDHHMMSSZ} (UTCTime, years 1950-2049) or {@code YYYYMMDDHHMMSSZ}
   * (GeneralizedTime). Parsed by hand: BouncyCastle's {@code Time.getDate()} goes through {@code
   * SimpleDateFormat}, which was the largest single cost of decoding a certificate.
   */
  static Instant instant(Time time) {
    ASN1Primitive p = time.toASN1Primitive();
    try {
      // DER: one tag byte, one length byte (these strings are short), then the ASCII digits.
      byte[] der = p.getEncoded();
      String text =
          p instanceof ASN1UTCTime || p instanceof ASN1GeneralizedTime
              ? new String(der, 2, der.length - 2, StandardCharsets.US_ASCII)
              : "";
      if (text.length() == 13 && text.endsWith("Z")) {
        int yy = Integer.parseInt(text.substring(0, 2));
        return utc(yy < 50 ? 2000 + yy : 1900 + yy, text, 2);
      }
      if (text.length() == 15 && text.endsWith("Z")) {
        return utc(Integer.parseInt(text.substring(0, 4)), text, 4);
      }
    } catch (IOException | RuntimeException e) {
      // not the RFC 5280 profile: let BouncyCastle's general parser try
    }
    return time.getDate().toInstant();
  }

  private static Instant utc(int year, String t, int i) {
    return LocalDateTime.of(
            year,
            Integer.parseInt(t.substring(i, i + 2)),
            Integer.parseInt(t.substring(i + 2, i + 4)),
            Integer.parseInt(t.substring(i + 4, i + 6)),
            Integer.parseInt(t.substring(i + 6, i + 8)),
            Integer.parseInt(t.substring(i + 8, i + 10)))
        .toInstant(ZoneOffset.UTC);
  }

  /** The Authority Information Access caIssuers URLs, in the order the certificate lists them. */
  List<String> caIssuersUrls() {
    Extension ext = holder().getExtension(Extension.authorityInfoAccess);
    List<String> urls = new ArrayList<>();
    if (ext == null) {
      return urls;
    }
    try {
      for (AccessDescription d :
          AuthorityInformationAccess.getInstance(ext.getParsedValue()).getAccessDescriptions()) {
        GeneralName location = d.getAccessLocation();
        if (AccessDescription.id_ad_caIssuers.equals(d.getAccessMethod())
            && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
          urls.add(ASN1IA5String.getInstance(location.getName()).getString());
        }
      }
    } catch (RuntimeException e) {
      // A malformed AIA extension just means no URL to fetch from.
    }
    return urls;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
