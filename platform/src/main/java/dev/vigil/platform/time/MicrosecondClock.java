package dev.vigil.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock that ticks in whole microseconds, PostgreSQL's resolution. {@code Clock.tick(clock, 1
 * µs)} would do the same for {@link #instant()}, but its {@code millis()} divides by the tick in
 * whole milliseconds, which is zero for a sub-millisecond tick, and throws.
 */
final class MicrosecondClock extends Clock {

  private final Clock base;

  MicrosecondClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MicrosecondClock(base.withZone(zone));
  }

  @Override
  public Instant instant() {
    return base.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public long millis() {
    return base.millis();
  }
}
