package dev.vigil.scanner.tls.starttls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CRLF-terminated lines of a text protocol, read one byte at a time so that nothing after the
 * server's last reply (the start of the TLS handshake) is consumed. Bounded, so a hostile server
 * cannot make the scanner read forever or hold megabytes.
 */
final class Lines {

  /** SMTP allows 512 octets per reply line; IMAP greetings are longer. Generous but finite. */
  static final int MAX_LINE = 4_096;

  /** Lines and bytes a whole dialogue may read before it is abandoned. */
  static final int MAX_LINES = 200;

  static final int MAX_BYTES = 64 * 1024;

  private final InputStream in;
  private final OutputStream out;
  private final String protocol;
  private int linesRead;
  private int bytesRead;

  Lines(InputStream in, OutputStream out, String protocol) {
    this.in = in;
    this.out = out;
    this.protocol = protocol;
  }

  /** The next line without its line ending (a bare LF is accepted too). */
  String read() throws IOException {
    if (++linesRead > MAX_LINES) {
      throw new StartTlsException(protocol + " server sent more than " + MAX_LINES + " lines");
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(protocol + " server closed the connection");
      }
      if (++bytesRead > MAX_BYTES) {
        throw new StartTlsException(protocol + " server sent more than " + MAX_BYTES + " bytes");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new StartTlsException(
            protocol + " server sent a line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
  }

  void write(String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A line shortened for error details: it came from an untrusted peer. */
  static String shown(String line) {
    String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 120 ? printable : printable.substring(0, 120) + "...";
  }
}
