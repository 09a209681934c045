package dev.vigil.platform.failure;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Tells failures worth retrying (the database or broker is briefly away, a serialization conflict)
 * from failures that will recur (a bug, bad data), and retries the former with exponential
 * back-off. A consumer wraps its service call in {@link #retry}: while a transient failure lasts
 * the record is not acknowledged, so nothing is lost; only after {@code maxDuration} does the
 * failure surface and the record go to the dead-letter topic.
 */
public final class TransientFailures {

  private static final Logger LOG = Logger.getLogger(TransientFailures.class);

  private TransientFailures() {}

  /** Whether {@code failure} or one of its causes is a transient infrastructure failure. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.equals("org.hibernate.exception.JDBCConnectionException")
          || name.equals("org.hibernate.exception.LockAcquisitionException")
          || name.equals("jakarta.persistence.OptimisticLockException")
          || name.equals("org.hibernate.StaleObjectStateException")
          || name.equals("jakarta.persistence.LockTimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes that describe the connection or a conflict, not the statement: 08 connection
   * exception, 40 transaction rollback (serialization failure, deadlock), 53 insufficient
   * resources, 57P operator intervention (server shutting down).
   */
  static boolean isTransientSqlState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("40")
            || state.startsWith("53")
            || state.startsWith("57P"));
  }

  /** {@link #retry(Supplier, Duration, Duration)} for work without a result. */
  public static void retry(Runnable work, Duration firstDelay, Duration maxDuration) {
    retry(
        () -> {
          work.run();
          return null;
        },
        firstDelay,
        maxDuration);
  }

  /** Runs {@code work}, retrying transient failures with back-off for up to {@code maxDuration}. */
  public static <T> T retry(Supplier<T> work, Duration firstDelay, Duration maxDuration) {
    long deadline = System.nanoTime() + maxDuration.toNanos();
    long delayMillis = Math.max(1, firstDelay.toMillis());
    while (true) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (!isTransient(e) || System.nanoTime() + delayMillis * 1_000_000 > deadline) {
          throw e;
        }
        LOG.warnf("transient failure, retrying in %d ms: %s", delayMillis, e.toString());
        sleep(delayMillis);
        delayMillis = Math.min(delayMillis * 2, 10_000);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
