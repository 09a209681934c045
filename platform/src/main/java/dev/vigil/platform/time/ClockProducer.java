package dev.vigil.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Time comes from an injected {@link Clock} everywhere, so tests can fix or move it. */
public class ClockProducer {

  @Produces
  @Singleton
  @DefaultBean
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
