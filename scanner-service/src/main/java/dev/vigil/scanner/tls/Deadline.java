package dev.vigil.scanner.tls;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket once a scan step has run too long. A read timeout alone is not enough: a
 * slow-loris peer that trickles one byte just inside it would hold a scan worker for ever.
 */
final class Deadline implements AutoCloseable {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "scan-deadline");
            t.setDaemon(true);
            return t;
          });

  private final AtomicBoolean expired = new AtomicBoolean();
  private final ScheduledFuture<?> task;

  private Deadline(Socket socket, Duration after) {
    this.task =
        TIMER.schedule(
            () -> {
              expired.set(true);
              try {
                socket.close(); // unblocks the worker's read with a SocketException
              } catch (IOException ignored) {
                // closing anyway
              }
            },
            after.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  static Deadline arm(Socket socket, Duration after) {
    return new Deadline(socket, after);
  }

  boolean expired() {
    return expired.get();
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
