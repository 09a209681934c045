package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.chain.ProbeFailure;
import dev.vigil.scanner.tls.HostResolver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * {@link ProbeHttpClient} on blocking sockets: the prober's own thread checks the address, takes a
 * pooled connection (or dials the very address the policy checked), writes the request and reads
 * the answer. No selector thread, no futures on the hot path: a probe costs its parsing and two
 * system calls. HTTP/1.1 only, redirects never followed (a 3xx is an answer like any other).
 *
 * <p>A pooled connection the peer closed while idle fails before any byte of the answer; such an
 * exchange is sent once more on a new connection (never when the failure came later, and never on a
 * connection that was new).
 */
public final class SocketProbeHttpClient implements ProbeHttpClient {

  static final int MAX_IDLE_PER_ENDPOINT = 64;
  static final int MAX_IDLE = 4096;
  static final Duration MAX_IDLE_TIME = Duration.ofSeconds(20);

  private final AddressGuard guard;
  private final int maxBodyBytes;
  private final ProbeConnectionPool pool;
  private final ResponseParser parser;

  /** Runs the calls a probe starts in parallel; when all are busy, the waiting caller runs one. */
  private final ThreadPoolExecutor parallel =
      new ThreadPoolExecutor(
          0,
          32,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "probe-http-call");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardPolicy());

  public SocketProbeHttpClient(
      AddressPolicy policy,
      HostResolver resolver,
      int maxBodyBytes,
      Duration connectTimeout,
      SSLContext tls) {
    this.guard = new AddressGuard(policy, resolver);
    this.maxBodyBytes = maxBodyBytes;
    this.parser = new ResponseParser(maxBodyBytes);
    this.pool =
        new ProbeConnectionPool(
            MAX_IDLE_PER_ENDPOINT, MAX_IDLE, MAX_IDLE_TIME, connectTimeout, tls.getSocketFactory());
  }

  /** The JVM's default TLS context: the trust the JDK client used (system roots). */
  static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  @Override
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Idle pooled connections (for tests). */
  int idleConnections() {
    return pool.idleConnections();
  }

  /** Open connections, idle or in use (for tests). */
  int liveConnections() {
    return pool.liveConnections();
  }

  /** One exchange, prepared: where to, over which checked addresses, and the request bytes. */
  private record Exchange(
      ProbeEndpoint endpoint,
      List<InetAddress> addresses,
      byte[] request,
      boolean head,
      long started,
      long deadline) {}

  @Override
  public HttpOutcome send(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos) {
    Object prepared = prepare(method, uri, headers, body, deadlineNanos);
    return prepared instanceof Exchange exchange ? run(exchange) : (HttpOutcome) prepared;
  }

  @Override
  public Pending start(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos) {
    Object prepared = prepare(method, uri, headers, body, deadlineNanos);
    if (!(prepared instanceof Exchange exchange)) {
      HttpOutcome refused = (HttpOutcome) prepared;
      return deadline -> refused;
    }
    FutureTask<HttpOutcome> task = new FutureTask<>(() -> run(exchange));
    parallel.execute(task); // discarded when every thread is busy: await runs it then
    return deadline -> awaitTask(task, exchange);
  }

  private HttpOutcome awaitTask(FutureTask<HttpOutcome> task, Exchange exchange) {
    task.run(); // a no-op when a pool thread already took it
    try {
      // The exchange ends itself by the deadline (socket timeouts, watchdog); the margin only
      // guards against a bug there.
      long wait = exchange.deadline - System.nanoTime() + 2 * ProbeConnection.WATCHDOG_GRACE_NANOS;
      return task.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      return timeout(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpOutcome.failed(
          ProbeFailure.TIMEOUT, "interrupted", System.nanoTime() - exchange.started);
    } catch (ExecutionException e) {
      return HttpOutcome.failed(
          ProbeFailure.UNREACHABLE,
          ExchangeFailure.describe(e.getCause()),
          System.nanoTime() - exchange.started);
    }
  }

  /** An {@link Exchange}, or the {@link HttpOutcome} that refuses it before any byte is sent. */
  private Object prepare(
      String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos) {
    long started = System.nanoTime();
    AddressGuard.Checked checked = guard.check(uri, started);
    if (checked.refused() != null) {
      return checked.refused();
    }
    if (deadlineNanos - started <= 0) {
      return HttpOutcome.failed(ProbeFailure.TIMEOUT, "no time left for the call", 0);
    }
    Map<String, String> all = headers;
    if (uri.getRawUserInfo() != null) {
      all = AddressGuard.withBasicAuth(headers, uri.getUserInfo());
    }
    ProbeEndpoint endpoint = ProbeEndpoint.of(uri);
    byte[] request;
    try {
      request = RequestWriter.request(method, uri, endpoint, all, body);
    } catch (IllegalArgumentException e) {
      // Never echo the value: a header may hold a secret typed into the wrong field.
      return HttpOutcome.failed(ProbeFailure.UNREACHABLE, "invalid request method or header", 0);
    }
    boolean head = method.toUpperCase(Locale.ROOT).equals("HEAD");
    return new Exchange(endpoint, checked.addresses(), request, head, started, deadlineNanos);
  }

  private HttpOutcome run(Exchange exchange) {
    ProbeConnection c = pool.acquire(exchange.endpoint, exchange.addresses);
    for (int attempt = 0; ; attempt++) {
      boolean reused = c != null;
      try {
        if (c == null) {
          c = pool.open(exchange.endpoint, exchange.addresses, exchange.deadline);
        } else {
          c.begin(exchange.deadline);
        }
        c.write(exchange.request, 0, exchange.request.length);
        c.flush();
        ResponseParser.Response response = parser.read(c, exchange.head);
        if (response.reusable()) {
          pool.release(c);
        } else {
          pool.discard(c);
        }
        return new HttpOutcome(
            response.status(), response.body(), System.nanoTime() - exchange.started, null, null);
      } catch (IOException | RuntimeException e) {
        if (c != null) {
          pool.discard(c);
          c = null;
        }
        if (reused && attempt == 0 && wentStale(e) && exchange.deadline - System.nanoTime() > 0) {
          continue; // once, on a new connection
        }
        return classify(e, exchange);
      }
    }
  }

  /** The failure of a reused connection that the peer had closed while it sat idle. */
  private static boolean wentStale(Exception e) {
    if (e instanceof ExchangeFailure failure) {
      return failure.nothingReceived();
    }
    return e instanceof IOException && !(e instanceof SocketTimeoutException);
  }

  private static HttpOutcome classify(Exception e, Exchange exchange) {
    long latency = System.nanoTime() - exchange.started;
    if (e instanceof ExchangeFailure failure) {
      return HttpOutcome.failed(failure.failure(), failure.getMessage(), latency);
    }
    if (exchange.deadline - System.nanoTime() <= 0 || e instanceof SocketTimeoutException) {
      return timeout(exchange); // including the watchdog closing the socket under a blocked call
    }
    if (e instanceof ConnectException) {
      return HttpOutcome.failed(ProbeFailure.UNREACHABLE, "connection refused", latency);
    }
    // Socket and TLS messages name no URL; keep only the class and a bounded message.
    return HttpOutcome.failed(ProbeFailure.UNREACHABLE, ExchangeFailure.describe(e), latency);
  }

  private static HttpOutcome timeout(Exchange exchange) {
    return HttpOutcome.failed(
        ProbeFailure.TIMEOUT, "no complete answer in time", System.nanoTime() - exchange.started);
  }
}
