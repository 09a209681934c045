package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.tls.HostResolver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ProbeHttpClient} over the JDK {@link HttpClient} (HTTP/1.1 with keep-alive): the client
 * before {@link SocketProbeHttpClient}, kept selectable ({@code
 * vigil.scanner.chain-probe.http-client=jdk}) and under the same hostile-peer tests. Its one known
 * gap: the JDK resolves the host again when it connects (see DESIGN.md).
 */
final class JdkProbeHttpClient implements ProbeHttpClient {

  /** Headers the JDK client sets itself and refuses from callers; dropped, not fatal. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "expect", "upgrade");

  private final HttpClient[] clients;
  private final AddressGuard guard;
  private final int maxBodyBytes;

  JdkProbeHttpClient(
      AddressPolicy policy, HostResolver resolver, int maxBodyBytes, Duration connectTimeout) {
    this.guard = new AddressGuard(policy, resolver);
    this.maxBodyBytes = maxBodyBytes;
    // One JDK client per core: each has a single selector thread, which would otherwise cap the
    // prober at one core. A provider always maps to the same client, so its connections are
    // reused.
    this.clients = new HttpClient[Math.max(1, Runtime.getRuntime().availableProcessors())];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              // Completions run on the client's selector thread: no hop through a thread pool per
              // response (the body subscriber and the outcome mapping are short, never block).
              .executor(Runnable::run)
              .build();
    }
  }

  @Override
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** An exchange under way in the JDK client. */
  private static final class JdkPending implements Pending {
    private final CompletableFuture<HttpOutcome> outcome;
    private final CompletableFuture<?> raw;
    private final CappedBodySubscriber body;
    private final long started;

    private JdkPending(
        CompletableFuture<HttpOutcome> outcome,
        CompletableFuture<?> raw,
        CappedBodySubscriber body,
        long started) {
      this.outcome = outcome;
      this.raw = raw;
      this.body = body;
      this.started = started;
    }

    @Override
    public HttpOutcome await(long deadlineNanos) {
      return awaitOutcome(this, deadlineNanos);
    }
  }

  @Override
  public Pending start(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos) {
    long started = System.nanoTime();
    AddressGuard.Checked checked = guard.check(uri, started);
    if (checked.refused() != null) {
      return done(checked.refused());
    }
    long remaining = deadlineNanos - started;
    if (remaining <= 0) {
      return done(HttpOutcome.failed(ProbeFailure.TIMEOUT, "no time left for the call", 0));
    }
    HttpRequest request;
    try {
      Map<String, String> all = headers;
      if (uri.getRawUserInfo() != null) {
        // http://user:password@host (Bitcoin Core's usual form): the JDK client ignores userinfo.
        all = AddressGuard.withBasicAuth(headers, uri.getUserInfo());
        uri = AddressGuard.withoutUserInfo(uri);
      }
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofNanos(remaining))
              .method(
                  method.toUpperCase(Locale.ROOT),
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      all.forEach(
          (name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
              builder.setHeader(name, value);
            }
          });
      request = builder.build();
    } catch (IllegalArgumentException e) {
      // Never echo the value: a header may hold a secret typed into the wrong field.
      return done(
          HttpOutcome.failed(ProbeFailure.UNREACHABLE, "invalid request method or header", 0));
    }
    CappedBodySubscriber subscriber = new CappedBodySubscriber(maxBodyBytes);
    HttpClient http = clients[Math.floorMod(uri.getRawAuthority().hashCode(), clients.length)];
    CompletableFuture<HttpResponse<byte[]>> raw = http.sendAsync(request, info -> subscriber);
    CompletableFuture<HttpOutcome> outcome =
        raw.handle(
            (response, error) -> {
              long latency = System.nanoTime() - started;
              if (error != null) {
                return classify(error, latency);
              }
              return new HttpOutcome(response.statusCode(), response.body(), latency, null, null);
            });
    return new JdkPending(outcome, raw, subscriber, started);
  }

  /** Past the deadline the exchange is cancelled and its connection dropped. */
  private static HttpOutcome awaitOutcome(JdkPending pending, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    try {
      return pending.outcome.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(pending);
      return HttpOutcome.failed(
          ProbeFailure.TIMEOUT, "no complete answer in time", System.nanoTime() - pending.started);
    } catch (InterruptedException e) {
      cancel(pending);
      Thread.currentThread().interrupt();
      return HttpOutcome.failed(
          ProbeFailure.TIMEOUT, "interrupted", System.nanoTime() - pending.started);
    } catch (ExecutionException e) {
      return classify(e.getCause(), System.nanoTime() - pending.started);
    }
  }

  private static void cancel(JdkPending pending) {
    if (pending.body != null) {
      pending.body.cancel();
    }
    if (pending.raw != null) {
      pending.raw.cancel(true); // JDK 16+: aborts the exchange and closes its connection
    }
  }

  private static Pending done(HttpOutcome outcome) {
    return new JdkPending(
        CompletableFuture.completedFuture(outcome), null, null, System.nanoTime());
  }

  static HttpOutcome classify(Throwable error, long latency) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof CappedBodySubscriber.TooLarge) {
      return HttpOutcome.failed(ProbeFailure.RESPONSE_TOO_LARGE, e.getMessage(), latency);
    }
    if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
      return HttpOutcome.failed(ProbeFailure.TIMEOUT, "timed out", latency);
    }
    if (e instanceof CancellationException) {
      return HttpOutcome.failed(ProbeFailure.TIMEOUT, "cancelled at the deadline", latency);
    }
    if (e instanceof ConnectException) {
      return HttpOutcome.failed(ProbeFailure.UNREACHABLE, "connection refused", latency);
    }
    if (e instanceof java.net.ProtocolException) {
      return HttpOutcome.failed(
          ProbeFailure.MALFORMED_RESPONSE, "not a valid HTTP answer", latency);
    }
    if (e instanceof IOException) {
      // The JDK's messages name no URL; keep only the class and a bounded message.
      return HttpOutcome.failed(ProbeFailure.UNREACHABLE, describe(e), latency);
    }
    return HttpOutcome.failed(ProbeFailure.UNREACHABLE, describe(e), latency);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (message.length() > 120) {
      message = message.substring(0, 120) + "...";
    }
    return e.getClass().getSimpleName() + message;
  }
}
