package dev.vigil.scanner.peers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.infra.tls.TestCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OCSP responder whose answers are made by OpenSSL ({@code openssl ocsp -index}), not by Vigil.
 * OpenSSL 3.0's own {@code -port} listens on every interface, so the HTTP side is a JDK server
 * bound to loopback that hands each request to one {@code openssl ocsp -reqin ... -respout} run;
 * the index is read afresh for each request, so a test can revoke a certificate between scans.
 */
public final class OpenSslOcspResponder implements AutoCloseable {

  private static final DateTimeFormatter INDEX_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path dir;
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> index = new ArrayList<>();
  private final List<String> options;

  /**
   * @param ca the CA whose certificates the index describes
   * @param signer who signs the responses: the CA itself or a delegated responder
   * @param options more {@code openssl ocsp} options, e.g. {@code -nmin 60}
   */
  public OpenSslOcspResponder(
      Path dir, TestCertificate ca, TestCertificate signer, String... options) {
    this.dir = dir;
    this.options = List.of(options);
    write("ca.pem", ca.pem());
    write("signer.pem", signer.pem());
    write("signer.key", pem("PRIVATE KEY", signer.keys().getPrivate().getEncoded()));
    writeIndex();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  /** The responder URL to put in certificates' AIA. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
  }

  /** HTTP requests answered so far. */
  public int requests() {
    return requests.get();
  }

  /** Lists {@code cert} as valid. */
  public synchronized OpenSslOcspResponder valid(X509Certificate cert) {
    index.add(
        "V\t"
            + INDEX_TIME.format(cert.getNotAfter().toInstant())
            + "\t\t"
            + serial(cert)
            + "\tunknown\t/CN=test");
    writeIndex();
    return this;
  }

  /** Lists {@code cert} as revoked at {@code at} for {@code reason} (e.g. keyCompromise). */
  public synchronized OpenSslOcspResponder revoked(
      X509Certificate cert, Instant at, String reason) {
    index.add(
        "R\t"
            + INDEX_TIME.format(cert.getNotAfter().toInstant())
            + "\t"
            + INDEX_TIME.format(at)
            + ","
            + reason
            + "\t"
            + serial(cert)
            + "\tunknown\t/CN=test");
    writeIndex();
    return this;
  }

  /** openssl's index key: the serial in upper-case hex, an even number of digits. */
  private static String serial(X509Certificate cert) {
    String hex = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }

  /**
   * Runs {@code openssl ocsp} as a responder for one request and returns its DER response, e.g. to
   * staple. {@code request} is a DER OCSP request.
   */
  public synchronized byte[] respond(byte[] request) {
    try {
      Path in = Files.createTempFile(dir, "req", ".der");
      Path out = Files.createTempFile(dir, "resp", ".der");
      Files.write(in, request);
      List<String> command =
          new ArrayList<>(
              List.of(
                  OpenSsl.binary(),
                  "ocsp",
                  "-index",
                  dir.resolve("index.txt").toString(),
                  "-CA",
                  dir.resolve("ca.pem").toString(),
                  "-rsigner",
                  dir.resolve("signer.pem").toString(),
                  "-rkey",
                  dir.resolve("signer.key").toString(),
                  "-reqin",
                  in.toString(),
                  "-respout",
                  out.toString()));
      command.addAll(options);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] log = process.getInputStream().readAllBytes();
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl ocsp failed: " + new String(log, StandardCharsets.UTF_8));
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A DER OCSP request for {@code cert} made by {@code openssl ocsp -reqout}, without nonce. */
  public byte[] requestFor(TestCertificate cert, TestCertificate issuer) {
    try {
      Path certFile = Files.createTempFile(dir, "cert", ".pem");
      Path issuerFile = Files.createTempFile(dir, "issuer", ".pem");
      Path out = Files.createTempFile(dir, "req", ".der");
      Files.writeString(certFile, cert.pem());
      Files.writeString(issuerFile, issuer.pem());
      Process process =
          new ProcessBuilder(
                  OpenSsl.binary(),
                  "ocsp",
                  "-issuer",
                  issuerFile.toString(),
                  "-cert",
                  certFile.toString(),
                  "-no_nonce",
                  "-reqout",
                  out.toString())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      byte[] log = process.getInputStream().readAllBytes();
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl ocsp -reqout failed: " + new String(log, StandardCharsets.UTF_8));
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      byte[] response;
      try {
        response = respond(request);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private void writeIndex() {
    StringBuilder text = new StringBuilder();
    for (String line : index) {
      text.append(line).append('\n');
    }
    write("index.txt", text.toString());
  }

  private void write(String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
