package dev.vigil.scanner.chain.probe;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer from a {@link ProbeConnection}, bounded everywhere a peer could make it
 * unbounded: the status line and headers share one budget ({@value #HEAD_BUDGET} bytes, at most
 * {@value #MAX_HEADERS} lines), the body stops at the cap whether it comes with a {@code
 * Content-Length}, in chunks or until the peer closes, and every read ends by the deadline.
 * Anything that is not HTTP/1.x is {@code MALFORMED_RESPONSE}, never an exception the prober sees.
 */
final class ResponseParser {

  static final int HEAD_BUDGET = 64 * 1024;
  static final int MAX_HEADERS = 256;
  private static final int MAX_INTERIM = 8;
  private static final int MAX_CHUNK_LINE = 1024;

  /** A complete answer; {@code reusable} when the connection may carry another exchange. */
  record Response(int status, byte[] body, boolean reusable) {}

  private final int cap;

  ResponseParser(int cap) {
    this.cap = cap;
  }

  Response read(ProbeConnection c, boolean headRequest) throws IOException {
    int[] budget = {HEAD_BUDGET};
    for (int interim = 0; ; interim++) {
      String statusLine = line(c, budget, true);
      int status = status(statusLine);
      Head head = headers(c, budget);
      if (status >= 100 && status < 200) {
        if (status == 101 || interim >= MAX_INTERIM) {
          throw ExchangeFailure.malformed("unexpected interim answers");
        }
        continue; // 100 Continue, 103 Early Hints: the real answer follows
      }
      boolean keepAlive =
          statusLine.startsWith("HTTP/1.1") ? !head.close : head.keepAlive && !head.close;
      byte[] body;
      if (headRequest || status == 204 || status == 304) {
        body = new byte[0];
      } else if (head.transferEncoding != null) {
        if (head.transferEncoding.endsWith("chunked")) {
          body = chunked(c);
        } else {
          body = untilClosed(c);
          keepAlive = false;
        }
        // A length next to a transfer coding is a request-smuggling shape: answer, never reuse.
        keepAlive &= head.contentLength < 0;
      } else if (head.contentLength >= 0) {
        body = fixed(c, head.contentLength);
      } else {
        body = untilClosed(c);
        keepAlive = false;
      }
      return new Response(status, body, keepAlive && !c.hasUnreadBytes());
    }
  }

  private static int status(String line) throws ExchangeFailure {
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (line.length() < 12
        || !line.startsWith("HTTP/1.")
        || line.charAt(8) != ' '
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw ExchangeFailure.malformed("not a valid HTTP answer");
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char d = line.charAt(i);
      if (d < '0' || d > '9') {
        throw ExchangeFailure.malformed("not a valid HTTP answer");
      }
      status = status * 10 + (d - '0');
    }
    if (status < 100 || status > 599) {
      throw ExchangeFailure.malformed("not a valid HTTP answer");
    }
    return status;
  }

  /** The headers that decide framing and reuse; the others are read and dropped. */
  private static final class Head {
    long contentLength = -1;
    String transferEncoding;
    boolean close;
    boolean keepAlive;
  }

  private static Head headers(ProbeConnection c, int[] budget) throws IOException {
    Head head = new Head();
    for (int n = 0; ; n++) {
      String line = line(c, budget, false);
      if (line.isEmpty()) {
        return head;
      }
      if (n >= MAX_HEADERS) {
        throw ExchangeFailure.malformed("too many header lines");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        // also obsolete line folding: the answer is discarded, as RFC 9112 lets a client do
        throw ExchangeFailure.malformed("not a valid HTTP header");
      }
      String name = line.substring(0, colon);
      if (!RequestWriter.isToken(name)) {
        throw ExchangeFailure.malformed("not a valid HTTP header");
      }
      String value = line.substring(colon + 1).trim();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "content-length" -> head.contentLength = contentLength(head.contentLength, value);
        case "transfer-encoding" ->
            head.transferEncoding =
                (head.transferEncoding == null ? "" : head.transferEncoding + ",")
                    + value.toLowerCase(Locale.ROOT).replace(" ", "");
        case "connection" -> {
          String v = value.toLowerCase(Locale.ROOT);
          head.close |= v.contains("close");
          head.keepAlive |= v.contains("keep-alive");
        }
        default -> {
          // not needed: the outcome carries status and body only
        }
      }
    }
  }

  private static long contentLength(long previous, String value) throws ExchangeFailure {
    long length = -1;
    for (String part : value.split(",", -1)) {
      String digits = part.trim();
      if (digits.isEmpty()
          || digits.length() > 18
          || !digits.chars().allMatch(Character::isDigit)) {
        throw ExchangeFailure.malformed("invalid Content-Length");
      }
      long v = Long.parseLong(digits);
      if ((length >= 0 && v != length) || (previous >= 0 && v != previous)) {
        throw ExchangeFailure.malformed("conflicting Content-Length");
      }
      length = v;
    }
    return length;
  }

  private byte[] fixed(ProbeConnection c, long length) throws IOException {
    if (length > cap) {
      throw ExchangeFailure.tooLarge(cap); // refused before reading: the cap is never allocated
    }
    byte[] body = new byte[(int) length];
    if (!c.readFully(body, 0, body.length)) {
      throw ExchangeFailure.malformed("answer cut short");
    }
    return body;
  }

  private byte[] chunked(ProbeConnection c) throws IOException {
    byte[] body = new byte[1024];
    int size = 0;
    while (true) {
      // Each size line has its own small budget: many small chunks are legal, a long line is not.
      long chunk = chunkSize(line(c, new int[] {MAX_CHUNK_LINE}, false));
      if (chunk == 0) {
        break;
      }
      if (chunk > cap - size) {
        throw ExchangeFailure.tooLarge(cap);
      }
      int end = size + (int) chunk;
      if (end > body.length) {
        body = Arrays.copyOf(body, Math.min(cap, Math.max(end, body.length * 2)));
      }
      if (!c.readFully(body, size, (int) chunk)) {
        throw ExchangeFailure.malformed("answer cut short");
      }
      size = end;
      if (!line(c, new int[] {2}, false).isEmpty()) {
        throw ExchangeFailure.malformed("invalid chunk");
      }
    }
    int[] trailers = {HEAD_BUDGET};
    while (!line(c, trailers, false).isEmpty()) {
      // trailer fields: read within the budget and dropped
    }
    return Arrays.copyOf(body, size);
  }

  private static long chunkSize(String line) throws ExchangeFailure {
    int end = line.indexOf(';'); // chunk extensions are ignored
    String hex = (end < 0 ? line : line.substring(0, end)).trim();
    if (hex.isEmpty() || hex.length() > 15) {
      throw ExchangeFailure.malformed("invalid chunk size");
    }
    long size = 0;
    for (int i = 0; i < hex.length(); i++) {
      int digit = Character.digit(hex.charAt(i), 16);
      if (digit < 0) {
        throw ExchangeFailure.malformed("invalid chunk size");
      }
      size = size * 16 + digit;
    }
    return size;
  }

  private byte[] untilClosed(ProbeConnection c) throws IOException {
    byte[] body = new byte[4096];
    int size = 0;
    while (true) {
      if (size == body.length) {
        if (size >= cap) {
          if (c.read() < 0) {
            break; // exactly at the cap
          }
          throw ExchangeFailure.tooLarge(cap);
        }
        body = Arrays.copyOf(body, (int) Math.min(cap, body.length * 2L));
      }
      int n = c.readSome(body, size, body.length - size);
      if (n < 0) {
        break;
      }
      size += n;
    }
    return Arrays.copyOf(body, size);
  }

  /**
   * One line without its CR LF, counted against {@code budget}. At the very start of an answer, an
   * immediate end of stream is "closed before any answer" (a stale pooled connection, or a peer
   * that hangs up); later it is a cut-short answer.
   */
  private static String line(ProbeConnection c, int[] budget, boolean first) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = c.read();
      if (b < 0) {
        if (first && line.length() == 0) {
          throw ExchangeFailure.closedBeforeAnswer();
        }
        throw ExchangeFailure.malformed("answer cut short");
      }
      if (--budget[0] < 0) {
        throw ExchangeFailure.malformed("header section too large");
      }
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
          line.setLength(length - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }
}
