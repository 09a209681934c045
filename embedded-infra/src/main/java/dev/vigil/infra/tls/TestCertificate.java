package dev.vigil.infra.tls;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One certificate made by {@link TestCertificateBuilder}, with its key pair so that it can sign
 * others or be served.
 */
public record TestCertificate(KeyPair keys, X509Certificate certificate) {

  /** The DER encoding. */
  public byte[] der() {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PEM encoding ({@code -----BEGIN CERTIFICATE-----}). */
  public String pem() {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** This certificate's key and the chain {@code [this, rest...]}, as a server would serve it. */
  public KeyMaterial serveWith(TestCertificate... rest) {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    for (TestCertificate c : rest) {
      chain.add(c.certificate());
    }
    return new KeyMaterial(keys.getPrivate(), chain);
  }
}
