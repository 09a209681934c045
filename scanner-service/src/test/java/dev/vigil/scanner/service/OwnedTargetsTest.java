package dev.vigil.scanner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.scanner.domain.ScanSchedule;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.service.TargetService.ScanJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain unit test: ownership and scheduling of targets, with a hand-moved clock. */
class OwnedTargetsTest {

  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final OwnedTargets owned = new OwnedTargets(new ScanSchedule(0, 8, () -> 0.5), clock);

  private static TargetSpec spec(String host) {
    return new TargetSpec(host, 443, null, Map.of());
  }

  @Test
  void newTargetIsDueAtOnceAndNotHandedOutTwiceWhileInFlight() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    assertThat(owned.claimDue(10)).extracting(ScanJob::targetId).containsExactly("a");
    assertThat(owned.claimDue(10)).isEmpty();
  }

  @Test
  void completedTargetIsDueAgainAfterItsInterval() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.claimDue(10);
    owned.completed("a", true);
    clock.advance(INTERVAL.minusSeconds(1));
    assertThat(owned.claimDue(10)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(owned.claimDue(10)).hasSize(1);
  }

  @Test
  void failingTargetIsBackedOff() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.claimDue(1);
    owned.completed("a", false);
    owned.claimDue(1);
    clock.advance(INTERVAL);
    owned.claimDue(1);
    owned.completed("a", false); // second failure in a row: twice the interval
    clock.advance(INTERVAL);
    assertThat(owned.claimDue(1)).isEmpty();
    clock.advance(INTERVAL);
    assertThat(owned.claimDue(1)).hasSize(1);
  }

  @Test
  void claimRespectsTheLimitAndServesTheMostOverdueFirst() {
    owned.upsert("old", spec("old.test"), INTERVAL, 0);
    clock.advance(Duration.ofSeconds(1));
    owned.upsert("new", spec("new.test"), INTERVAL, 0);
    assertThat(owned.claimDue(1)).extracting(ScanJob::targetId).containsExactly("old");
  }

  @Test
  void revokedPartitionTakesItsTargetsAway() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.upsert("b", spec("b.test"), INTERVAL, 1);
    owned.dropPartitions(List.of(0));
    assertThat(owned.size()).isEqualTo(1);
    assertThat(owned.claimDue(10)).extracting(ScanJob::targetId).containsExactly("b");
  }

  @Test
  void replayedDefinitionKeepsTheScheduleButAChangedOneIsDueAtOnce() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.claimDue(1);
    owned.completed("a", true);
    owned.upsert("a", spec("a.test"), INTERVAL, 0); // replay after a rebalance
    assertThat(owned.claimDue(1)).isEmpty();
    owned.upsert("a", spec("b.test"), INTERVAL, 0); // changed definition
    assertThat(owned.claimDue(1)).hasSize(1);
  }

  @Test
  void targetRedefinedWhileInFlightIsNotHandedOutTwiceAndKeepsItsNewDefinition() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.claimDue(1);
    owned.upsert("a", spec("b.test"), INTERVAL, 0); // changed while its scan runs
    assertThat(owned.claimDue(1)).isEmpty();
    owned.completed("a", true);
    clock.advance(INTERVAL);
    assertThat(owned.claimDue(1))
        .singleElement()
        .satisfies(job -> assertThat(job.spec().host()).isEqualTo("b.test"));
  }

  @Test
  void manyDueTargetsAreHandedOutInDueOrderWithoutRepeats() {
    for (int i = 0; i < 1_000; i++) {
      owned.upsert("t" + i, spec("t" + i + ".test"), INTERVAL, i % 3);
      clock.advance(Duration.ofMillis(1));
    }
    List<ScanJob> first = owned.claimDue(10);
    assertThat(first)
        .extracting(ScanJob::targetId)
        .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
    assertThat(owned.claimDue(2_000)).hasSize(990);
  }

  @Test
  void completionOfARemovedTargetIsIgnored() {
    owned.upsert("a", spec("a.test"), INTERVAL, 0);
    owned.claimDue(1);
    owned.remove("a");
    owned.completed("a", true);
    assertThat(owned.size()).isZero();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
