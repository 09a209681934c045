package dev.vigil.scanner.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL session advisory lock held on a dedicated connection, outside the pool: the replica
 * whose connection holds it is the one that reads the shared certificate sources. The lock dies
 * with the connection, so a killed replica releases it at once; a replica whose node vanished
 * releases it after the session's {@code idle_session_timeout} (the holder pings far more often).
 */
@ApplicationScoped
public class SourceLeaderLock {

  /** Arbitrary, fixed: identifies "the scanner's source leader" among the database's locks. */
  static final long KEY = 0x56_49_47_49_4C_53_52_43L; // "VIGILSRC"

  private static final Logger LOG = Logger.getLogger(SourceLeaderLock.class);

  private final String url;
  private final String user;
  private final String password;
  private final long idleSessionTimeoutMillis;
  private Connection held;

  public SourceLeaderLock(
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") String user,
      @ConfigProperty(name = "quarkus.datasource.password") String password,
      @ConfigProperty(name = "vigil.scanner.sources.leader-session-timeout")
          Duration sessionTimeout) {
    this.url = url.startsWith("jdbc:") ? url : "jdbc:" + url;
    this.user = user;
    this.password = password;
    this.idleSessionTimeoutMillis = Math.max(1000, sessionTimeout.toMillis());
  }

  /** True if this process holds the lock: still (connection alive) or now (just acquired). */
  public synchronized boolean holdOrAcquire() {
    if (held != null) {
      try {
        if (held.isValid(2)) {
          return true;
        }
      } catch (SQLException e) {
        // treated as lost below
      }
      LOG.warn("lost the connection that held the source leader lock");
      closeQuietly(held);
      held = null;
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection(url, user, password);
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
        ps.setLong(1, KEY);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            limitIdleSession(c);
            held = c;
            return true;
          }
        }
      }
      closeQuietly(c);
      return false;
    } catch (SQLException e) {
      LOG.warnf("cannot try the source leader lock: %s", e.getMessage());
      closeQuietly(c);
      return false;
    }
  }

  /** Gives the lock up (shutdown): another replica takes over on its next check. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement ps = held.prepareStatement("select pg_advisory_unlock(?)")) {
      ps.setLong(1, KEY);
      ps.execute();
    } catch (SQLException e) {
      LOG.debugf("unlock failed (closing the connection releases it anyway): %s", e.getMessage());
    }
    closeQuietly(held);
    held = null;
  }

  /** If this client disappears without closing its socket, the server ends the session. */
  private void limitIdleSession(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("set idle_session_timeout = " + idleSessionTimeoutMillis);
    } catch (SQLException e) {
      LOG.debugf("idle_session_timeout not set (PostgreSQL < 14?): %s", e.getMessage());
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debugf("closing the leader connection: %s", e.getMessage());
    }
  }
}
