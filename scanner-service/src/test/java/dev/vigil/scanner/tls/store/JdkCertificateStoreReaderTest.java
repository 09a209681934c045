package dev.vigil.scanner.tls.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.infra.tls.KeyMaterial;
import dev.vigil.infra.tls.TestPki;
import dev.vigil.scanner.source.CertificateFiles;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdkCertificateStoreReaderTest {

  private static final TestPki PKI = TestPki.create("Store reader test CA");
  private static final TestPki OTHER_PKI = TestPki.create("Other store reader test CA");
  private static final KeyMaterial WEB = PKI.issueExpiringIn("web.store.test", 30);
  private static final KeyMaterial API = PKI.issueExpiringIn("api.store.test", 60);
  private static final String PASSWORD = "s3cret-Pa55";

  private final CertificateStoreReader reader = new JdkCertificateStoreReader();

  private static byte[] pem(X509Certificate... certificates) {
    return CertificateFiles.pem(List.of(certificates));
  }

  private static String fingerprintOf(byte[] der) {
    return Integer.toHexString(Arrays.hashCode(der));
  }

  private static String fingerprintOf(X509Certificate c) {
    return fingerprintOf(CertificateFiles.der(c));
  }

  /** name, format, content, password, expected entries as "alias=cert,cert" (alias "-" = none). */
  static Stream<Arguments> readableFiles() {
    X509Certificate leaf = WEB.leaf();
    X509Certificate ca = PKI.caCertificate();
    X509Certificate otherCa = OTHER_PKI.caCertificate();
    Map<String, KeyMaterial> two = new java.util.TreeMap<>(Map.of("web", WEB, "api", API));
    return Stream.of(
        readable(
            "PEM bundle with three certificates, in file order",
            StoreFormat.CERTIFICATES,
            () -> pem(leaf, ca, otherCa),
            null,
            List.of(entry(null, leaf, ca, otherCa))),
        readable(
            "PEM with a private key block: the key is skipped",
            StoreFormat.CERTIFICATES,
            () ->
                concat(
                    "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n"
                        .getBytes(StandardCharsets.US_ASCII),
                    pem(leaf)),
            null,
            List.of(entry(null, leaf))),
        readable(
            "PEM holding only a key: no entry, no error",
            StoreFormat.CERTIFICATES,
            () ->
                "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n"
                    .getBytes(StandardCharsets.US_ASCII),
            null,
            List.of()),
        readable(
            "DER certificate",
            StoreFormat.CERTIFICATES,
            () -> CertificateFiles.der(leaf),
            null,
            List.of(entry(null, leaf))),
        readable(
            "PKCS#12 with password: one entry per alias, chain leaf first",
            StoreFormat.PKCS12,
            () -> CertificateFiles.keystore("PKCS12", PASSWORD, two),
            PASSWORD,
            List.of(entry("api", API.leaf(), ca), entry("web", leaf, ca))),
        readable(
            "JKS with password",
            StoreFormat.JKS,
            () -> CertificateFiles.keystore("JKS", PASSWORD, Map.of("web", WEB)),
            PASSWORD,
            List.of(entry("web", leaf, ca))),
        readable(
            "JKS without password: certificates are not encrypted in JKS",
            StoreFormat.JKS,
            () -> CertificateFiles.keystore("JKS", PASSWORD, Map.of("web", WEB)),
            null,
            List.of(entry("web", leaf, ca))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readableFiles")
  void readsEveryCertificateOfTheFile(
      StoreFormat format, Supplier<byte[]> content, String password, List<String> expected)
      throws Exception {
    List<StoredEntry> entries =
        reader.read(format, content.get(), password == null ? null : password.toCharArray());

    assertThat(entries.stream().map(JdkCertificateStoreReaderTest::describe).toList())
        .isEqualTo(expected);
  }

  static Stream<Arguments> unreadableFiles() {
    byte[] p12 = CertificateFiles.keystore("PKCS12", PASSWORD, Map.of("web", WEB));
    byte[] jks = CertificateFiles.keystore("JKS", PASSWORD, Map.of("web", WEB));
    return Stream.of(
        unreadable("empty file", StoreFormat.CERTIFICATES, new byte[0], null, "the file is empty"),
        unreadable("empty keystore file", StoreFormat.PKCS12, new byte[0], PASSWORD, "empty"),
        unreadable(
            "garbage text",
            StoreFormat.CERTIFICATES,
            "hello, not a certificate".getBytes(StandardCharsets.US_ASCII),
            null,
            "neither PEM nor a DER certificate"),
        unreadable(
            "PEM block that is not base64",
            StoreFormat.CERTIFICATES,
            "-----BEGIN CERTIFICATE-----\n*** not base64 ***\n-----END CERTIFICATE-----\n"
                .getBytes(StandardCharsets.US_ASCII),
            null,
            "not valid base64"),
        unreadable(
            "PKCS#12 with the wrong password",
            StoreFormat.PKCS12,
            p12,
            "wrong",
            "the keystore password is incorrect"),
        unreadable(
            "JKS with the wrong password",
            StoreFormat.JKS,
            jks,
            "wrong",
            "the keystore password is incorrect"),
        unreadable(
            "PKCS#12 without a password: its certificates are encrypted",
            StoreFormat.PKCS12,
            p12,
            null,
            "no certificate readable without a password"),
        unreadable(
            "garbage keystore",
            StoreFormat.PKCS12,
            "garbage".getBytes(StandardCharsets.US_ASCII),
            PASSWORD,
            "not a readable PKCS12 keystore"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void unreadableFileIsATypedErrorWithoutThePassword(
      StoreFormat format, byte[] content, String password, String message) {
    assertThatThrownBy(
            () -> reader.read(format, content, password == null ? null : password.toCharArray()))
        .isInstanceOf(UnreadableStoreException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void formatFollowsTheFileExtension() {
    assertThat(StoreFormat.ofFileName("fullchain.PEM")).contains(StoreFormat.CERTIFICATES);
    assertThat(StoreFormat.ofFileName("server.crt")).contains(StoreFormat.CERTIFICATES);
    assertThat(StoreFormat.ofFileName("root.cer")).contains(StoreFormat.CERTIFICATES);
    assertThat(StoreFormat.ofFileName("leaf.der")).contains(StoreFormat.CERTIFICATES);
    assertThat(StoreFormat.ofFileName("server.p12")).contains(StoreFormat.PKCS12);
    assertThat(StoreFormat.ofFileName("server.pfx")).contains(StoreFormat.PKCS12);
    assertThat(StoreFormat.ofFileName("trust.jks")).contains(StoreFormat.JKS);
    assertThat(StoreFormat.ofFileName("server.key")).isEmpty();
    assertThat(StoreFormat.ofFileName("README")).isEmpty();
  }

  private static String entry(String alias, X509Certificate... chain) {
    return (alias == null ? "-" : alias)
        + "="
        + String.join(
            ",", Arrays.stream(chain).map(JdkCertificateStoreReaderTest::fingerprintOf).toList());
  }

  private static String describe(StoredEntry e) {
    return (e.alias() == null ? "-" : e.alias())
        + "="
        + String.join(
            ",",
            e.certificates().stream().map(JdkCertificateStoreReaderTest::fingerprintOf).toList());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Arguments readable(
      String name,
      StoreFormat format,
      Supplier<byte[]> content,
      String password,
      List<String> expected) {
    return Arguments.of(Named.of(name, format), content, password, expected);
  }

  private static Arguments unreadable(
      String name, StoreFormat format, byte[] content, String password, String message) {
    return Arguments.of(Named.of(name, format), content, password, message);
  }
}
