package dev.vigil.infra.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds one test certificate with chosen key, signature algorithm, names, validity and extensions,
 * so a test can make exactly the certificate its case is about: an RSA-1024 leaf, a SHA-1 signed
 * intermediate, a wildcard SAN, an AIA URL.
 *
 * <p>RSA and DSA keys are slow to generate, so they are cached per (algorithm, size, common name):
 * two certificates with the same name and key type share a key. EC keys are always fresh.
 */
public final class TestCertificateBuilder {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final Map<String, KeyPair> SLOW_KEYS = new ConcurrentHashMap<>();

  private final String commonName;
  private X500Name subject;
  private final List<GeneralName> sans = new ArrayList<>();
  private final List<AccessDescription> access = new ArrayList<>();
  private final List<DistributionPoint> crlPoints = new ArrayList<>();
  private boolean ocspSigning;
  private boolean ca;
  private String keyAlgorithm = "EC";
  private int keyBits = 256;
  private KeyPair keys;
  private String signatureAlgorithm;
  private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
  private Instant notAfter = Instant.now().plus(Duration.ofDays(90));

  TestCertificateBuilder(String commonName) {
    this.commonName = commonName;
    this.subject =
        commonName == null
            ? new X500Name("O=Vigil test PKI")
            : new X500Name("CN=" + commonName + ",O=Vigil test PKI");
  }

  /** Replaces the subject DN, e.g. {@code "O=No common name"}. */
  public TestCertificateBuilder subject(String dn) {
    this.subject = new X500Name(dn);
    return this;
  }

  /** Adds DNS subjectAltNames. */
  public TestCertificateBuilder dns(String... names) {
    for (String n : names) {
      sans.add(new GeneralName(GeneralName.dNSName, n));
    }
    return this;
  }

  /** Adds IP address subjectAltNames. */
  public TestCertificateBuilder ip(String... addresses) {
    for (String a : addresses) {
      sans.add(new GeneralName(GeneralName.iPAddress, a));
    }
    return this;
  }

  /** Marks the certificate as a CA (basicConstraints CA, keyCertSign). */
  public TestCertificateBuilder ca() {
    this.ca = true;
    return this;
  }

  public TestCertificateBuilder rsa(int bits) {
    this.keyAlgorithm = "RSA";
    this.keyBits = bits;
    return this;
  }

  /** EC key on the NIST curve of that size: 192, 224, 256, 384 or 521. */
  public TestCertificateBuilder ec(int bits) {
    this.keyAlgorithm = "EC";
    this.keyBits = bits;
    return this;
  }

  public TestCertificateBuilder dsa(int bits) {
    this.keyAlgorithm = "DSA";
    this.keyBits = bits;
    return this;
  }

  /** Uses this key pair instead of generating one. */
  public TestCertificateBuilder keys(KeyPair keyPair) {
    this.keys = keyPair;
    return this;
  }

  /**
   * The algorithm the issuer signs with, e.g. {@code SHA1withRSA}, {@code MD5withRSA}; by default
   * SHA-256 (SHA-384 for P-384) with the issuer's key type.
   */
  public TestCertificateBuilder signatureAlgorithm(String algorithm) {
    this.signatureAlgorithm = algorithm;
    return this;
  }

  public TestCertificateBuilder validity(Instant from, Instant until) {
    this.notBefore = from;
    this.notAfter = until;
    return this;
  }

  /** Adds an Authority Information Access caIssuers URL. */
  public TestCertificateBuilder caIssuersUrl(String url) {
    access.add(
        new AccessDescription(
            AccessDescription.id_ad_caIssuers,
            new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    return this;
  }

  /** Adds an Authority Information Access OCSP responder URL. */
  public TestCertificateBuilder ocspUrl(String url) {
    access.add(
        new AccessDescription(
            AccessDescription.id_ad_ocsp,
            new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    return this;
  }

  /** Adds a CRL distribution point with this full name (a URL, e.g. {@code http://...crl}). */
  public TestCertificateBuilder crlUrl(String url) {
    GeneralNames name =
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
    crlPoints.add(
        new DistributionPoint(
            new DistributionPointName(DistributionPointName.FULL_NAME, name), null, null));
    return this;
  }

  /**
   * Makes the certificate a delegated OCSP responder: extended key usage id-kp-OCSPSigning (a
   * non-CA certificate's key usage already includes digitalSignature).
   */
  public TestCertificateBuilder ocspSigning() {
    this.ocspSigning = true;
    return this;
  }

  /** Signs the certificate with its own key. */
  public TestCertificate selfSigned() {
    KeyPair own = keyPair();
    return build(subject, own, own.getPublic(), null);
  }

  /** Signs the certificate with {@code issuer}'s key, naming it as issuer. */
  public TestCertificate issuedBy(TestCertificate issuer) {
    return build(
        X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
        issuer.keys(),
        keyPair().getPublic(),
        issuer.certificate());
  }

  private TestCertificate build(
      X500Name issuerName, KeyPair signer, PublicKey subjectKey, X509Certificate issuerCert) {
    KeyPair own = keyPair();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  issuerName,
                  new BigInteger(64, RANDOM).add(BigInteger.ONE),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(
                      ca
                          ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                          : KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(subjectKey));
      if (issuerCert != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
      }
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(sans.toArray(new GeneralName[0])));
      }
      if (!access.isEmpty()) {
        builder.addExtension(
            Extension.authorityInfoAccess,
            false,
            new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
      }
      if (!crlPoints.isEmpty()) {
        builder.addExtension(
            Extension.cRLDistributionPoints,
            false,
            new CRLDistPoint(crlPoints.toArray(new DistributionPoint[0])));
      }
      if (ocspSigning) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
      }
      String algorithm =
          signatureAlgorithm != null ? signatureAlgorithm : defaultSignature(signer.getPublic());
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder(algorithm)
                          .setProvider(BC)
                          .build(signer.getPrivate())));
      return new TestCertificate(own, cert);
    } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot build test certificate " + commonName, e);
    }
  }

  private KeyPair keyPair() {
    if (keys == null) {
      keys =
          "EC".equals(keyAlgorithm)
              ? generate(keyAlgorithm, keyBits)
              : SLOW_KEYS.computeIfAbsent(
                  keyAlgorithm + "/" + keyBits + "/" + commonName,
                  k -> generate(keyAlgorithm, keyBits));
    }
    return keys;
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BC);
      if ("EC".equals(algorithm)) {
        generator.initialize(new ECGenParameterSpec("P-" + bits), RANDOM);
      } else {
        generator.initialize(bits, RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + algorithm + "-" + bits, e);
    }
  }

  private static String defaultSignature(PublicKey signerKey) {
    return switch (signerKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "DSA" -> "SHA256withDSA";
      default ->
          signerKey instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() > 256
              ? "SHA384withECDSA"
              : "SHA256withECDSA";
    };
  }
}
