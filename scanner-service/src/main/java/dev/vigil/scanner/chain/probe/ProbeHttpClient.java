package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.tls.HostResolver;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The bounded HTTP client every prober shares. Each exchange is checked against the scanner's
 * {@link AddressPolicy} before it is sent, ends by the probe's deadline whatever the peer does, and
 * reads at most {@link #maxBodyBytes()} of body. It never throws: every failure is an {@link
 * HttpOutcome} with a {@link ProbeFailure}. Details never contain the URL: it may carry an API key.
 *
 * <p>Two implementations: {@link SocketProbeHttpClient} (blocking HTTP/1.1 on plain and TLS
 * sockets, the default) and {@link JdkProbeHttpClient} (the JDK's {@code HttpClient}).
 */
public interface ProbeHttpClient {

  /** An exchange under way; {@link #await} bounds it by the deadline. */
  interface Pending {
    HttpOutcome await(long deadlineNanos);
  }

  int maxBodyBytes();

  /** Starts an exchange without waiting, so several calls of one probe can run in parallel. */
  Pending start(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos);

  /** Sends and waits, at most until {@code deadlineNanos} ({@link System#nanoTime()} based). */
  default HttpOutcome send(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos) {
    return await(start(method, uri, headers, body, deadlineNanos), deadlineNanos);
  }

  /** Waits for an exchange; past the deadline it is abandoned and its connection dropped. */
  default HttpOutcome await(Pending pending, long deadlineNanos) {
    return pending.await(deadlineNanos);
  }

  /** The JDK {@code HttpClient} behind the same guarantees (the client before sockets). */
  static ProbeHttpClient jdk(
      AddressPolicy policy, HostResolver resolver, int maxBodyBytes, Duration connectTimeout) {
    return new JdkProbeHttpClient(policy, resolver, maxBodyBytes, connectTimeout);
  }

  /** Blocking sockets, TLS trusted as the JVM's default {@link SSLContext} trusts. */
  static ProbeHttpClient sockets(
      AddressPolicy policy, HostResolver resolver, int maxBodyBytes, Duration connectTimeout) {
    return new SocketProbeHttpClient(
        policy, resolver, maxBodyBytes, connectTimeout, SocketProbeHttpClient.defaultTls());
  }

  /** The implementation named in configuration: {@code sockets} or {@code jdk}. */
  static ProbeHttpClient named(
      String name,
      AddressPolicy policy,
      HostResolver resolver,
      int maxBodyBytes,
      Duration connectTimeout) {
    return switch (name) {
      case "jdk" -> jdk(policy, resolver, maxBodyBytes, connectTimeout);
      case "sockets" -> sockets(policy, resolver, maxBodyBytes, connectTimeout);
      default -> throw new IllegalArgumentException("unknown probe HTTP client " + name);
    };
  }
}
