package dev.vigil.scanner.source;

import dev.vigil.infra.tls.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes test certificates the way operators keep them: PEM, DER, PKCS#12, JKS. */
public final class CertificateFiles {

  private CertificateFiles() {}

  public static byte[] pem(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate c : certificates) {
      out.append("-----BEGIN CERTIFICATE-----\n")
          .append(base64.encodeToString(der(c)))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 fingerprint, lower-case hex: the inventory's id of a certificate. */
  public static String sha256(X509Certificate certificate) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der(certificate)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A keystore ({@code PKCS12} or {@code JKS}) with one key entry per alias. */
  public static byte[] keystore(String type, String password, Map<String, KeyMaterial> entries) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(null, null);
      for (Map.Entry<String, KeyMaterial> e : entries.entrySet()) {
        store.setKeyEntry(
            e.getKey(),
            e.getValue().privateKey(),
            password.toCharArray(),
            e.getValue().chain().toArray(new Certificate[0]));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password.toCharArray());
      return out.toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
