package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.chain.ProbeFailure;
import java.io.IOException;

/**
 * Why an exchange over {@link SocketProbeHttpClient} ended without a usable answer: a typed failure
 * and a fixed phrase (never the URL, never a header value). No stack trace: hostile peers make
 * these routine, not exceptional.
 */
final class ExchangeFailure extends IOException {

  private final ProbeFailure failure;

  /** True when the peer closed before sending a single byte of the answer. */
  private final boolean nothingReceived;

  ExchangeFailure(ProbeFailure failure, String detail) {
    this(failure, detail, false);
  }

  private ExchangeFailure(ProbeFailure failure, String detail, boolean nothingReceived) {
    super(detail, null);
    this.failure = failure;
    this.nothingReceived = nothingReceived;
  }

  /** The peer closed the connection before answering: on a reused connection, it went stale. */
  static ExchangeFailure closedBeforeAnswer() {
    return new ExchangeFailure(
        ProbeFailure.UNREACHABLE, "connection closed before any answer", true);
  }

  static ExchangeFailure malformed(String detail) {
    return new ExchangeFailure(ProbeFailure.MALFORMED_RESPONSE, detail);
  }

  static ExchangeFailure tooLarge(int cap) {
    return new ExchangeFailure(
        ProbeFailure.RESPONSE_TOO_LARGE, "response body larger than " + cap + " bytes");
  }

  static ExchangeFailure timeout() {
    return new ExchangeFailure(ProbeFailure.TIMEOUT, "no complete answer in time");
  }

  ProbeFailure failure() {
    return failure;
  }

  boolean nothingReceived() {
    return nothingReceived;
  }

  /** A foreign exception as class and bounded message (socket and TLS messages name no URL). */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (message.length() > 120) {
      message = message.substring(0, 120) + "...";
    }
    return e.getClass().getSimpleName() + message;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
