package dev.vigil.infra.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority that issues leaf certificates with chosen validity, for tests
 * and demo endpoints. EC P-256 keys keep generation fast.
 */
public final class TestPki {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair caKeys;
  private final X509Certificate caCertificate;

  private TestPki(KeyPair caKeys, X509Certificate caCertificate) {
    this.caKeys = caKeys;
    this.caCertificate = caCertificate;
  }

  /** Creates a CA valid from a day ago for ten years. */
  public static TestPki create(String caName) {
    KeyPair keys = ecKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + caName + ",O=Vigil test PKI");
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minusSeconds(86_400)),
                  Date.from(now.plusSeconds(3_650L * 86_400)),
                  name,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new TestPki(keys, sign(builder, keys));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create test CA", e);
    }
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** This CA as an issuer for {@link TestCertificateBuilder#issuedBy}. */
  public TestCertificate asIssuer() {
    return new TestCertificate(caKeys, caCertificate);
  }

  /** A PKI whose CA is {@code ca}, e.g. one made with {@link #certificate}. */
  public static TestPki of(TestCertificate ca) {
    return new TestPki(ca.keys(), ca.certificate());
  }

  /**
   * Starts a certificate of any shape: key type and size, signature algorithm, names, validity, CA
   * flag, AIA URLs. {@code commonName} may be null for a certificate without a CN.
   */
  public static TestCertificateBuilder certificate(String commonName) {
    return new TestCertificateBuilder(commonName);
  }

  /**
   * Issues a leaf for {@code dnsName} (and 127.0.0.1 / ::1) valid between the two instants.
   *
   * @return key and chain [leaf, CA]
   */
  public KeyMaterial issue(String dnsName, Instant notBefore, Instant notAfter) {
    KeyPair keys = ecKeyPair();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      GeneralNames sans =
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, dnsName),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")
              });
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  caCertificate,
                  serial(),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  new X500Name("CN=" + dnsName + ",O=Vigil test PKI"),
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.subjectAlternativeName, false, sans)
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(caCertificate))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      return new KeyMaterial(keys.getPrivate(), List.of(sign(builder, caKeys), caCertificate));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue test certificate", e);
    }
  }

  /** Issues a leaf that expires {@code days} days from now (negative: already expired). */
  public KeyMaterial issueExpiringIn(String dnsName, long days) {
    Instant now = Instant.now();
    Instant notAfter = now.plusSeconds(days * 86_400 + 3_600);
    Instant notBefore = notAfter.minusSeconds(90L * 86_400);
    return issue(dnsName, notBefore.isAfter(now) ? now.minusSeconds(3_600) : notBefore, notAfter);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      ContentSigner contentSigner =
          new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
      X509CertificateHolder holder = builder.build(contentSigner);
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).add(BigInteger.ONE);
  }
}
