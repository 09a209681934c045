package dev.vigil.scanner.config;

import dev.vigil.scanner.chain.OwnedProbes;
import dev.vigil.scanner.domain.chain.ProbeCadence;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the plain chain-probing objects from configuration, once. */
public class ChainBeans {

  /** Singleton, not a client proxy: the dispatcher waits on this object's monitor. */
  @Produces
  @Singleton
  OwnedProbes ownedProbes(ChainConfig config, Clock clock) {
    return new OwnedProbes(
        new ProbeCadence(config.jitter(), () -> ThreadLocalRandom.current().nextDouble()),
        config.interval(),
        clock);
  }
}
