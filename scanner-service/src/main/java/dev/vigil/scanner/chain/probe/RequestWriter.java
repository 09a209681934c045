package dev.vigil.scanner.chain.probe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serialises one HTTP/1.1 request: request line, {@code Host}, the caller's headers, {@code
 * Content-Length} and the body, as one byte array (one write, one TCP segment for small requests).
 * Rejects what would let a header value start a new header or request (CR, LF, other control
 * characters) instead of sending it.
 */
final class RequestWriter {

  /** Headers this client sets itself; a caller's value for them is dropped, as the JDK does. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

  private static final String USER_AGENT = "vigil-probe";

  private RequestWriter() {}

  /**
   * @throws IllegalArgumentException for a method or header name that is not an HTTP token, or a
   *     header value with control characters (the message never quotes the value)
   */
  static byte[] request(
      String method, URI uri, ProbeEndpoint endpoint, Map<String, String> headers, byte[] body) {
    String verb = method.toUpperCase(Locale.ROOT);
    if (!isToken(verb)) {
      throw new IllegalArgumentException("invalid request method");
    }
    StringBuilder head = new StringBuilder(256);
    head.append(verb).append(' ');
    String path = uri.getRawPath();
    head.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(endpoint.hostHeader()).append("\r\n");
    boolean userAgent = false;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESTRICTED.contains(lower)) {
        continue;
      }
      if (!isToken(name) || !isFieldValue(header.getValue())) {
        throw new IllegalArgumentException("invalid request header");
      }
      userAgent |= lower.equals("user-agent");
      head.append(name).append(": ").append(header.getValue()).append("\r\n");
    }
    if (!userAgent) {
      head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    // Header values are sent as ISO-8859-1 octets, as HTTP/1.1 defines them; the check above
    // allows only visible characters, so nothing outside that range reaches here unmapped.
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null || body.length == 0) {
      return headBytes;
    }
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Visible ISO-8859-1 characters, space and tab: no CR, LF, NUL or other control characters. */
  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return false;
      }
    }
    return true;
  }
}
