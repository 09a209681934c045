package dev.vigil.scanner.peers;

import dev.vigil.infra.tls.KeyMaterial;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Chains with many intermediates: root, then each CA signing the next, then the leaf. */
public final class LongChains {

  private LongChains() {}

  /**
   * @param length certificates in the served chain (leaf + intermediates + root)
   */
  public static KeyMaterial of(int length) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      Instant now = Instant.now();
      List<X509Certificate> chain = new ArrayList<>();
      KeyPair issuerKeys = generator.generateKeyPair();
      X500Name issuer = new X500Name("CN=Long chain CA 0");
      chain.add(sign(issuer, issuer, issuerKeys, issuerKeys, true, now, 1));
      for (int i = 1; i < length; i++) {
        boolean ca = i < length - 1;
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name(ca ? "CN=Long chain CA " + i : "CN=localhost");
        chain.add(sign(subject, issuer, keys, issuerKeys, ca, now, i + 1));
        issuer = subject;
        issuerKeys = keys;
      }
      Collections.reverse(chain); // leaf first, as served
      return new KeyMaterial(issuerKeys.getPrivate(), chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name subject,
      X500Name issuer,
      KeyPair keys,
      KeyPair issuerKeys,
      boolean ca,
      Instant now,
      long serial)
      throws Exception {
    var builder =
        new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(serial),
                Date.from(now.minusSeconds(3_600)),
                Date.from(now.plusSeconds(90L * 86_400)),
                subject,
                keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }
}
