package dev.vigil.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Time comes from an injected {@link Clock} everywhere, so tests can fix or move it. It ticks in
 * microseconds, PostgreSQL's resolution, so an instant read back equals the one written.
 */
public class ClockProducer {

  @Produces
  @Singleton
  @DefaultBean
  Clock systemClock() {
    return new MicrosecondClock(Clock.systemUTC());
  }
}
