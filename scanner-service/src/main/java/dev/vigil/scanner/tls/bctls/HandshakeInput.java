package dev.vigil.scanner.tls.bctls;

import dev.vigil.scanner.tls.NotTlsException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.net.ssl.SSLHandshakeException;

/**
 * The server's side of a handshake as BouncyCastle reads it, watched on the way. The first record
 * header tells a peer that speaks something else (HTTP, SSH, random bytes) from a TLS peer that
 * fails: BouncyCastle reports both as a fatal alert, the scanner wants {@code NOT_TLS} for the
 * first. And a peer that sends without end is cut off after {@link #MAX_BYTES}, whatever its
 * records look like; the deadline bounds the time, this the bytes.
 */
final class HandshakeInput extends FilterInputStream {

  /** Well above a 100-certificate chain (BouncyCastle's own cap) and everything around it. */
  static final long MAX_BYTES = 1 << 20;

  private long read;

  HandshakeInput(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      check(b, read);
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n && read + i < 2; i++) {
      check(buffer[offset + i] & 0xFF, read + i);
    }
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws SSLHandshakeException {
    read += n;
    if (read > MAX_BYTES) {
      throw new SSLHandshakeException("the server sent more than " + MAX_BYTES + " bytes");
    }
  }

  /** A record starts with a content type (20 to 24) and the major version 3. */
  private static void check(int b, long position) throws NotTlsException {
    if (position == 0 && (b < 20 || b > 24)) {
      throw new NotTlsException(
          String.format("not a TLS record: the server's first byte is 0x%02x", b));
    }
    if (position == 1 && b != 3) {
      throw new NotTlsException(
          String.format("not a TLS record: the server's version byte is 0x%02x", b));
    }
  }
}
