package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.domain.chain.ProbeFailure;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Keep-alive connections per endpoint, bounded ({@code maxIdlePerEndpoint} each, {@code maxIdle} in
 * all, none idle longer than {@code maxIdleTime}), and the dialling: TCP to one of the addresses
 * the policy checked (never a fresh lookup), then TLS with SNI and host name verification.
 *
 * <p>A watchdog closes the raw socket of any exchange past its deadline (plus a short grace): reads
 * end by their socket timeout, but a write to a peer that never reads, or a TLS handshake that
 * trickles, has no timeout of its own. It also closes connections idle for too long.
 */
final class ProbeConnectionPool {

  private static final long SWEEP_MILLIS = 100;

  /** One daemon thread for every pool: a pool no longer referenced stops its own sweeps. */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "probe-http-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final ConcurrentHashMap<ProbeEndpoint, ArrayDeque<ProbeConnection>> idle =
      new ConcurrentHashMap<>();
  private final Set<ProbeConnection> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger idleCount = new AtomicInteger();
  private final int maxIdlePerEndpoint;
  private final int maxIdle;
  private final long maxIdleNanos;
  private final int connectTimeoutMillis;
  private final SSLSocketFactory tls;

  ProbeConnectionPool(
      int maxIdlePerEndpoint,
      int maxIdle,
      Duration maxIdleTime,
      Duration connectTimeout,
      SSLSocketFactory tls) {
    this.maxIdlePerEndpoint = maxIdlePerEndpoint;
    this.maxIdle = maxIdle;
    this.maxIdleNanos = maxIdleTime.toNanos();
    this.connectTimeoutMillis = (int) Math.max(1, connectTimeout.toMillis());
    this.tls = tls;
    WeakReference<ProbeConnectionPool> self = new WeakReference<>(this);
    WATCHDOG.scheduleWithFixedDelay(
        () -> {
          ProbeConnectionPool pool = self.get();
          if (pool == null) {
            // An exception is how a periodic task ends itself: this pool is gone.
            throw new IllegalStateException("pool collected");
          }
          pool.sweep(System.nanoTime());
        },
        SWEEP_MILLIS,
        SWEEP_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /**
   * The most recently used idle connection to {@code endpoint} whose address is still among the
   * ones just checked, or {@code null}.
   */
  ProbeConnection acquire(ProbeEndpoint endpoint, List<InetAddress> checked) {
    if (!idle.containsKey(endpoint)) {
      return null;
    }
    ProbeConnection[] found = new ProbeConnection[1];
    long now = System.nanoTime();
    idle.computeIfPresent(
        endpoint,
        (key, queue) -> {
          ProbeConnection c;
          while ((c = queue.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (now - c.idleSince() < maxIdleNanos && checked.contains(c.address())) {
              found[0] = c;
              break;
            }
            retire(c);
          }
          return queue.isEmpty() ? null : queue;
        });
    return found[0];
  }

  /** A new connection, its exchange already under the watchdog until {@code deadlineNanos}. */
  ProbeConnection open(ProbeEndpoint endpoint, List<InetAddress> checked, long deadlineNanos)
      throws IOException {
    IOException last = null;
    for (InetAddress address : checked) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Socket raw = new Socket();
      try {
        raw.setTcpNoDelay(true);
        int millis = (int) Math.min(connectTimeoutMillis, (left + 999_999) / 1_000_000);
        raw.connect(new InetSocketAddress(address, endpoint.port()), millis);
      } catch (SocketTimeoutException e) {
        close(raw);
        last = new ExchangeFailure(ProbeFailure.TIMEOUT, "connect timed out");
        continue;
      } catch (IOException e) {
        close(raw);
        last = e;
        continue; // the next checked address, if any
      }
      return layer(endpoint, address, raw, deadlineNanos);
    }
    throw last != null ? last : ExchangeFailure.timeout();
  }

  private ProbeConnection layer(
      ProbeEndpoint endpoint, InetAddress address, Socket raw, long deadlineNanos)
      throws IOException {
    ProbeConnection c;
    SSLSocket secure = null;
    try {
      if (endpoint.tls()) {
        secure = (SSLSocket) tls.createSocket(raw, endpoint.host(), endpoint.port(), true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818 name check
        if (!endpoint.hostIsLiteral()) {
          parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
        }
        secure.setSSLParameters(parameters);
      }
      c = new ProbeConnection(endpoint, address, raw, secure == null ? raw : secure);
    } catch (IOException | RuntimeException e) {
      close(raw);
      throw e;
    }
    live.add(c);
    c.begin(deadlineNanos);
    if (secure != null) {
      try {
        c.handshake(secure);
      } catch (IOException | RuntimeException e) {
        discard(c);
        throw e;
      }
    }
    return c;
  }

  /** Back to the pool after a complete exchange, or closed when the pool is full. */
  void release(ProbeConnection c) {
    c.finished(System.nanoTime());
    boolean[] kept = {false};
    if (idleCount.incrementAndGet() <= maxIdle) {
      idle.compute(
          c.endpoint(),
          (key, queue) -> {
            ArrayDeque<ProbeConnection> q = queue == null ? new ArrayDeque<>() : queue;
            if (q.size() < maxIdlePerEndpoint) {
              q.addFirst(c);
              kept[0] = true;
            }
            return q.isEmpty() ? null : q;
          });
    }
    if (!kept[0]) {
      idleCount.decrementAndGet();
      retire(c);
    }
  }

  /** After any error, a {@code Connection: close}, or an answer that cannot be framed. */
  void discard(ProbeConnection c) {
    retire(c);
  }

  int idleConnections() {
    return idleCount.get();
  }

  int liveConnections() {
    return live.size();
  }

  private void sweep(long now) {
    for (ProbeConnection c : live) {
      long until = c.busyUntil();
      if (until != 0 && now - until > 0) {
        retire(c); // the thread blocked on it gets an exception and reports a timeout
      }
    }
    for (ProbeEndpoint endpoint : idle.keySet()) {
      idle.computeIfPresent(
          endpoint,
          (key, queue) -> {
            for (Iterator<ProbeConnection> it = queue.descendingIterator(); it.hasNext(); ) {
              ProbeConnection c = it.next();
              if (now - c.idleSince() < maxIdleNanos) {
                break; // the rest were used more recently
              }
              it.remove();
              idleCount.decrementAndGet();
              retire(c);
            }
            return queue.isEmpty() ? null : queue;
          });
    }
  }

  private void retire(ProbeConnection c) {
    live.remove(c);
    c.close();
  }

  private static void close(Socket raw) {
    try {
      raw.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
