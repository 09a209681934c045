package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.ChainVerification.Anchor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a chain may end at: the JDK's system roots (publicly trusted) and the PEM CA
 * bundles the operator configured (private CAs). Parsed once and indexed by subject name, so a
 * lookup costs a hash probe.
 *
 * <p>An anchor is identified by subject name and public key, not by the whole certificate: a
 * cross-signed copy of a root (same name, same key, another issuer) is that root, as it is for
 * every path builder.
 */
public final class TrustAnchors {

  /** A trust anchor with its parsed certificate. */
  record Entry(ParsedCertificate certificate, boolean publicRoot, String source) {
    Anchor anchor(int servedPosition) {
      return new Anchor(certificate.subject(), publicRoot, source, servedPosition);
    }
  }

  private final Map<ByteBuffer, List<Entry>> bySubject = new HashMap<>();
  private int size;

  private TrustAnchors() {}

  /**
   * @param systemRoots publicly trusted roots
   * @param bundles private CA certificates by the name of the bundle they came from
   */
  public static TrustAnchors of(
      List<X509Certificate> systemRoots, Map<String, List<X509Certificate>> bundles) {
    TrustAnchors anchors = new TrustAnchors();
    systemRoots.forEach(c -> anchors.add(c, true, "system"));
    bundles.forEach((source, certs) -> certs.forEach(c -> anchors.add(c, false, source)));
    return anchors;
  }

  /**
   * The JDK's default trusted roots (its {@code cacerts}, or whatever {@code
   * javax.net.ssl.trustStore} points at) plus each PEM bundle file.
   *
   * @throws UncheckedIOException when a bundle cannot be read: a misconfigured trust store must
   *     stop the scanner, not silently make every private chain "untrusted"
   */
  public static TrustAnchors load(boolean includeSystemRoots, List<Path> bundleFiles) {
    Map<String, List<X509Certificate>> bundles = new LinkedHashMap<>();
    for (Path file : bundleFiles) {
      bundles.put(file.toString(), readPem(file));
    }
    return of(includeSystemRoots ? systemRoots() : List.of(), bundles);
  }

  /** The roots the JDK's default trust manager accepts. */
  public static List<X509Certificate> systemRoots() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return Arrays.asList(x509.getAcceptedIssuers());
        }
      }
      return List.of();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JDK's trusted roots", e);
    }
  }

  /** Every certificate in a PEM (or DER, or PKCS#7) file. */
  public static List<X509Certificate> readPem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IOException("no certificate in " + file);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CA bundle " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new UncheckedIOException(
          new IOException("cannot read CA bundle " + file + ": " + e.getMessage(), e));
    }
  }

  /**
   * Checks every self-signed anchor's own signature once, into {@code signatures}: a served root
   * that is byte-for-byte an anchor then costs nothing to recognise as self-signed.
   */
  public TrustAnchors precheck(SignatureChecks signatures) {
    // Only a cache warm-up, and a few hundred RSA checks: run it beside start-up, not in front of
    // it. Until it is done, a served root is simply verified the ordinary way.
    Thread warmUp =
        new Thread(
            () ->
                bySubject
                    .values()
                    .forEach(list -> list.forEach(e -> signatures.rememberAnchor(e.certificate()))),
            "trust-anchor-precheck");
    warmUp.setDaemon(true);
    warmUp.start();
    return this;
  }

  public int size() {
    return size;
  }

  /** The anchor that is {@code cert} itself (same subject and key), if any. */
  Optional<Entry> sameAs(ParsedCertificate cert) {
    for (Entry e : bySubject.getOrDefault(ByteBuffer.wrap(cert.subjectDer), List.of())) {
      if (e.certificate().spkiSha256.equals(cert.spkiSha256)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The anchor named as {@code cert}'s issuer whose key verifies its signature, if any. */
  Optional<Entry> issuerOf(ParsedCertificate cert, SignatureChecks signatures) {
    for (Entry e : bySubject.getOrDefault(ByteBuffer.wrap(cert.issuerDer), List.of())) {
      if (signatures.signedBy(cert, e.certificate())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private void add(X509Certificate certificate, boolean publicRoot, String source) {
    ParsedCertificate parsed;
    try {
      parsed = ParsedCertificate.parse(certificate.getEncoded());
    } catch (GeneralSecurityException | RuntimeException e) {
      return; // one unreadable root in cacerts must not take the scanner down
    }
    bySubject
        .computeIfAbsent(ByteBuffer.wrap(parsed.subjectDer), k -> new ArrayList<>())
        .add(new Entry(parsed, publicRoot, source));
    size++;
  }
}
