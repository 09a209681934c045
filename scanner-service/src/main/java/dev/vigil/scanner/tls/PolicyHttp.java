package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.AddressPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain HTTP for URLs a certificate names (AIA issuers, OCSP responders, CRLs): a certificate is
 * input from whoever runs the endpoint, so its URLs are treated as hostile.
 *
 * <p>The request goes to the address this class resolved and checked against the scanner's {@link
 * AddressPolicy}, so a certificate cannot point the scanner at a cloud metadata endpoint, neither
 * by its URL nor through DNS. It speaks HTTP/1.0 ({@code Connection: close}, so no chunked
 * encoding), follows no redirects, and bounds the whole exchange by a timeout and a size cap.
 */
public final class PolicyHttp {

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Why an exchange gave no body. */
  public enum Failure {
    UNSUPPORTED_URL,
    DENIED_BY_POLICY,
    DNS,
    UNREACHABLE,
    TIMEOUT,
    HTTP_STATUS,
    MALFORMED,
    TOO_LARGE
  }

  /** A failed exchange, typed. The message never contains more of the URL than its host. */
  public static final class HttpFailure extends IOException {
    private final Failure kind;

    HttpFailure(Failure kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Failure kind() {
      return kind;
    }
  }

  private final AddressPolicy policy;
  private final Duration timeout;

  public PolicyHttp(AddressPolicy policy, Duration timeout) {
    this.policy = policy;
    this.timeout = timeout;
  }

  /** GETs {@code url}; at most {@code maxBytes} of body. */
  public byte[] get(String url, String accept, int maxBytes) throws HttpFailure {
    return exchange(url, "GET", accept, null, null, maxBytes);
  }

  /** POSTs {@code body} to {@code url} (as OCSP over HTTP does, RFC 6960 A.1). */
  public byte[] post(String url, String contentType, byte[] body, String accept, int maxBytes)
      throws HttpFailure {
    return exchange(url, "POST", accept, contentType, body, maxBytes);
  }

  /** The host of {@code url}, or null when it has none; for evidence and messages. */
  public static String hostOf(String url) {
    try {
      return new URI(url).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private byte[] exchange(
      String url, String method, String accept, String contentType, byte[] body, int maxBytes)
      throws HttpFailure {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new HttpFailure(Failure.UNSUPPORTED_URL, "malformed URL");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new HttpFailure(
          Failure.UNSUPPORTED_URL, "unsupported URL (only http://host/... is fetched)");
    }
    String host = uri.getHost();
    Optional<String> refused = policy.checkHost(host);
    if (refused.isPresent()) {
      throw new HttpFailure(Failure.DENIED_BY_POLICY, "denied by policy: " + refused.get());
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new HttpFailure(Failure.DNS, "cannot resolve " + host);
    }
    refused = policy.checkAddress(address.getAddress(), address.getHostAddress());
    if (refused.isPresent()) {
      throw new HttpFailure(Failure.DENIED_BY_POLICY, "denied by policy: " + refused.get());
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    try {
      return send(address, port, uri, method, accept, contentType, body, maxBytes);
    } catch (HttpFailure e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw new HttpFailure(Failure.TIMEOUT, "timed out after " + timeout.toMillis() + " ms");
    } catch (ConnectException | NoRouteToHostException e) {
      throw new HttpFailure(Failure.UNREACHABLE, host + ": " + e.getMessage());
    } catch (IOException e) {
      throw new HttpFailure(
          Failure.UNREACHABLE, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private byte[] send(
      InetAddress address,
      int port,
      URI uri,
      String method,
      String accept,
      String contentType,
      byte[] body,
      int maxBytes)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      String hostHeader = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      StringBuilder request =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.0\r\nHost: ")
              .append(hostHeader)
              .append("\r\nAccept: ")
              .append(accept)
              .append("\r\nUser-Agent: vigil-scanner\r\nConnection: close\r\n");
      if (body != null) {
        request
            .append("Content-Type: ")
            .append(contentType)
            .append("\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      byte[] response = readAll(socket.getInputStream(), deadline, maxBytes);
      return body(response, maxBytes);
    }
  }

  /** Reads to end of stream, within the deadline and the size cap. */
  private byte[] readAll(InputStream in, long deadline, int maxBytes) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long limit = (long) maxBytes + MAX_HEADER_BYTES;
    int n;
    while ((n = in.read(chunk)) != -1) {
      buffer.write(chunk, 0, n);
      if (buffer.size() > limit) {
        throw new HttpFailure(Failure.TOO_LARGE, "response larger than " + maxBytes + " bytes");
      }
      if (System.nanoTime() > deadline) {
        throw new HttpFailure(Failure.TIMEOUT, "timed out after " + timeout.toMillis() + " ms");
      }
    }
    return buffer.toByteArray();
  }

  private static byte[] body(byte[] response, int maxBytes) throws HttpFailure {
    int end = headerEnd(response);
    if (end < 0) {
      throw new HttpFailure(Failure.MALFORMED, "malformed HTTP response");
    }
    String head = new String(response, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      throw new HttpFailure(Failure.MALFORMED, "malformed HTTP response");
    }
    if (!"200".equals(status[1])) {
      throw new HttpFailure(Failure.HTTP_STATUS, "HTTP " + status[1]);
    }
    int bodyLength = response.length - end - 4;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        long declared;
        try {
          declared = Long.parseLong(lower.substring(15).trim());
        } catch (NumberFormatException e) {
          throw new HttpFailure(Failure.MALFORMED, "malformed Content-Length");
        }
        if (declared > bodyLength) {
          throw new HttpFailure(Failure.MALFORMED, "response truncated");
        }
        bodyLength = (int) declared;
      }
    }
    if (bodyLength > maxBytes) {
      throw new HttpFailure(Failure.TOO_LARGE, "response larger than " + maxBytes + " bytes");
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
}
