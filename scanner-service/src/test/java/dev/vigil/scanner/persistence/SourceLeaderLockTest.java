package dev.vigil.scanner.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.infra.VigilTestInfrastructure;
import dev.vigil.scanner.source.SourceLeadership;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One replica reads the shared certificate sources; a standby takes over when the leader's database
 * session ends (as when its process is killed), and hands back when it steps down. Real PostgreSQL
 * advisory locks; the "other replica" is a second lock on its own connection.
 */
@QuarkusTest
@QuarkusTestResource(
    value = VigilTestInfrastructure.class,
    initArgs = @ResourceArg(name = "database", value = "scanner"))
class SourceLeaderLockTest {

  @Inject SourceLeadership leadership;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void aStandbyTakesOverWhenTheLeadersSessionDiesAndHandsBackWhenItStepsDown() throws Exception {
    SourceLeaderLock otherReplica =
        new SourceLeaderLock(url, user, password, Duration.ofSeconds(30));
    try {
      assertThat(leadership.isLeader()).as("the only replica leads").isTrue();
      assertThat(otherReplica.holdOrAcquire()).as("a second replica stands by").isFalse();

      assertThat(terminateLeaderSession()).as("the leader's session was found").isEqualTo(1);
      assertThat(otherReplica.holdOrAcquire()).as("the standby takes over").isTrue();
      assertThat(leadership.isLeader()).as("the old leader notices it lost the lock").isFalse();
      assertThat(otherReplica.holdOrAcquire()).as("the new leader keeps it").isTrue();

      otherReplica.release();
      assertThat(leadership.isLeader()).as("leadership returns once the other steps down").isTrue();
    } finally {
      otherReplica.release();
      leadership.isLeader();
    }
  }

  /** Ends the session holding the lock, as PostgreSQL does when its client process dies. */
  private int terminateLeaderSession() throws Exception {
    try (Connection admin = DriverManager.getConnection(url, user, password);
        PreparedStatement ps =
            admin.prepareStatement(
                "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                    + " and granted and classid::bigint = ? and objid::bigint = ? and objsubid = 1")) {
      ps.setLong(1, SourceLeaderLock.KEY >>> 32);
      ps.setLong(2, SourceLeaderLock.KEY & 0xFFFF_FFFFL);
      int terminated = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          terminated += rs.getBoolean(1) ? 1 : 0;
        }
      }
      return terminated;
    }
  }
}
