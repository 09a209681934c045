package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.chain.ProbeFailure;

/**
 * One HTTP exchange as the probe saw it: either an answer (any status, with a body within the cap)
 * or a typed failure. Never both.
 *
 * @param status the HTTP status, or 0 when no answer arrived
 * @param body the whole body (at most the cap), or an empty array
 * @param latencyNanos from sending the request to the end of the body, or to the failure
 * @param failure why no usable answer arrived, or {@code null}
 * @param detail a short explanation of the failure (never the URL), or {@code null}
 */
public record HttpOutcome(
    int status, byte[] body, long latencyNanos, ProbeFailure failure, String detail) {

  static HttpOutcome failed(ProbeFailure failure, String detail, long latencyNanos) {
    return new HttpOutcome(0, new byte[0], latencyNanos, failure, detail);
  }

  public boolean failed() {
    return failure != null;
  }

  public double latencyMillis() {
    return latencyNanos / 1_000_000.0;
  }
}
