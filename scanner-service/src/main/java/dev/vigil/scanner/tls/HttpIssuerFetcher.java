package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.AddressPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches an AIA issuer over plain HTTP (caIssuers URLs are {@code http:} by design: fetching them
 * over TLS would need the very chain being completed).
 *
 * <p>The request goes to the address this class resolved and checked against the scanner's {@link
 * AddressPolicy}, so a certificate cannot point the scanner at a cloud metadata endpoint, neither
 * by its URL nor through DNS. It speaks HTTP/1.0 ({@code Connection: close}, so no chunked
 * encoding), follows no redirects, and bounds the whole exchange by a timeout and a size cap.
 */
public final class HttpIssuerFetcher implements IssuerFetcher {

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final AddressPolicy policy;
  private final Duration timeout;
  private final int maxBytes;

  public HttpIssuerFetcher(AddressPolicy policy, Duration timeout, int maxBytes) {
    this.policy = policy;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  @Override
  public Result fetch(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Result.failed("malformed URL");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return Result.failed("unsupported URL (only http://host/... is fetched)");
    }
    String host = uri.getHost();
    Optional<String> refused = policy.checkHost(host);
    if (refused.isPresent()) {
      return Result.failed("denied by policy: " + refused.get());
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return Result.failed("cannot resolve " + host);
    }
    refused = policy.checkAddress(address.getAddress(), address.getHostAddress());
    if (refused.isPresent()) {
      return Result.failed("denied by policy: " + refused.get());
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    try {
      byte[] body = get(address, port, uri);
      return parse(body);
    } catch (IOException e) {
      return Result.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private byte[] get(InetAddress address, int port, URI uri) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      String hostHeader = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      String request =
          "GET "
              + path
              + " HTTP/1.0\r\nHost: "
              + hostHeader
              + "\r\nAccept: application/pkix-cert, application/pkcs7-mime, */*"
              + "\r\nUser-Agent: vigil-scanner\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] response = readAll(socket.getInputStream(), deadline);
      return body(response);
    }
  }

  /** Reads to end of stream, within the deadline and the size cap. */
  private byte[] readAll(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int limit = maxBytes + MAX_HEADER_BYTES;
    int n;
    while ((n = in.read(chunk)) != -1) {
      buffer.write(chunk, 0, n);
      if (buffer.size() > limit) {
        throw new IOException("response larger than " + maxBytes + " bytes");
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("timed out after " + timeout.toMillis() + " ms");
      }
    }
    return buffer.toByteArray();
  }

  private byte[] body(byte[] response) throws IOException {
    int end = headerEnd(response);
    if (end < 0) {
      throw new IOException("malformed HTTP response");
    }
    String head = new String(response, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP response");
    }
    if (!"200".equals(status[1])) {
      throw new IOException("HTTP " + status[1]);
    }
    int bodyLength = response.length - end - 4;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        long declared;
        try {
          declared = Long.parseLong(lower.substring(15).trim());
        } catch (NumberFormatException e) {
          throw new IOException("malformed Content-Length");
        }
        if (declared > bodyLength) {
          throw new IOException("response truncated");
        }
        bodyLength = (int) declared;
      }
    }
    if (bodyLength > maxBytes) {
      throw new IOException("response larger than " + maxBytes + " bytes");
    }
    byte[] body = new byte[bodyLength];
    System.arraycopy(response, end + 4, body, 0, bodyLength);
    return body;
  }

  private static int headerEnd(byte[] r) {
    for (int i = 0; i + 3 < r.length && i < MAX_HEADER_BYTES; i++) {
      if (r[i] == '\r' && r[i + 1] == '\n' && r[i + 2] == '\r' && r[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Result parse(byte[] body) {
    try {
      List<byte[]> ders = new ArrayList<>();
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(body))) {
        ders.add(c.getEncoded());
      }
      return ders.isEmpty() ? Result.failed("no certificate in the response") : Result.ok(ders);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Result.failed("response is not a certificate: " + e.getMessage());
    }
  }
}
