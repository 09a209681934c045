package dev.vigil.scanner.chain.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * One pooled HTTP/1.1 connection (plain or TLS) to an address the policy checked. The prober's
 * thread writes and reads it directly; every read waits at most until the exchange's deadline
 * (socket timeout recomputed before each read), and the pool's watchdog closes the raw socket of an
 * exchange that overran it (a write to a peer that never reads has no timeout of its own).
 *
 * <p>Not thread-safe: one exchange at a time, owned by the thread that took it from the pool.
 */
final class ProbeConnection {

  /** Past the deadline, the watchdog waits this long before it closes the socket itself. */
  static final long WATCHDOG_GRACE_NANOS = 200_000_000L;

  private final ProbeEndpoint endpoint;
  private final InetAddress address;
  private final Socket raw;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private long deadline;
  private int lastTimeoutMillis = -1;
  private int exchanges;
  private long idleSince;

  /** 0 while idle; otherwise when the watchdog may close the socket (nanoTime based). */
  private volatile long busyUntil;

  /**
   * @param raw the TCP socket (closed by the watchdog: closing a TLS layer could block)
   * @param socket the socket to talk over: {@code raw}, or the TLS socket layered on it
   */
  ProbeConnection(ProbeEndpoint endpoint, InetAddress address, Socket raw, Socket socket)
      throws IOException {
    this.endpoint = endpoint;
    this.address = address;
    this.raw = raw;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  ProbeEndpoint endpoint() {
    return endpoint;
  }

  InetAddress address() {
    return address;
  }

  /** True once an exchange completed on it: a failure before any answer may mean it went stale. */
  boolean reused() {
    return exchanges > 0;
  }

  long idleSince() {
    return idleSince;
  }

  long busyUntil() {
    return busyUntil;
  }

  void begin(long deadlineNanos) {
    deadline = deadlineNanos;
    busyUntil = deadlineNanos + WATCHDOG_GRACE_NANOS;
  }

  void finished(long now) {
    exchanges++;
    idleSince = now;
    busyUntil = 0;
  }

  /** The TLS handshake, bounded by the deadline like any read (and by the watchdog). */
  void handshake(SSLSocket secure) throws IOException {
    lastTimeoutMillis = checkDeadline();
    raw.setSoTimeout(lastTimeoutMillis);
    try {
      secure.startHandshake();
    } catch (SocketTimeoutException e) {
      throw ExchangeFailure.timeout();
    }
  }

  /** Bytes the peer sent beyond the answer: on HTTP/1.1 without pipelining, a broken peer. */
  boolean hasUnreadBytes() {
    return position < limit;
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    checkDeadline();
    out.write(bytes, offset, length);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** The next byte, or -1 at the end of the stream. */
  int read() throws IOException {
    if (position == limit && fill() < 0) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  /** Reads exactly {@code length} bytes, or returns false at the end of the stream. */
  boolean readFully(byte[] into, int offset, int length) throws IOException {
    while (length > 0) {
      if (position == limit && fill() < 0) {
        return false;
      }
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, into, offset, n);
      position += n;
      offset += n;
      length -= n;
    }
    return true;
  }

  /** Up to {@code max} bytes, at least one; -1 at the end of the stream. */
  int readSome(byte[] into, int offset, int max) throws IOException {
    if (position == limit && fill() < 0) {
      return -1;
    }
    int n = Math.min(max, limit - position);
    System.arraycopy(buffer, position, into, offset, n);
    position += n;
    return n;
  }

  private int fill() throws IOException {
    int millis = checkDeadline();
    if (millis != lastTimeoutMillis) {
      raw.setSoTimeout(millis); // a TLS socket reads through the raw one: same timeout
      lastTimeoutMillis = millis;
    }
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (SocketTimeoutException e) {
      throw ExchangeFailure.timeout();
    }
    position = 0;
    limit = Math.max(n, 0);
    return n;
  }

  /** Milliseconds left (at least 1), or a timeout failure when none are. */
  private int checkDeadline() throws ExchangeFailure {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw ExchangeFailure.timeout();
    }
    // Rounded up to whole milliseconds so that 0 (which means "no timeout") never occurs.
    return (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
  }

  /** Closes the TCP socket without a TLS close_notify (which could block on a hostile peer). */
  void close() {
    busyUntil = 0;
    try {
      raw.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
