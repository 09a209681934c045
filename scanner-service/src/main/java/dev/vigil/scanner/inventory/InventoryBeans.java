package dev.vigil.scanner.inventory;

import dev.vigil.scanner.domain.inventory.CrossChecks;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the inventory's plain domain objects. */
public class InventoryBeans {

  @Produces
  @Singleton
  CrossChecks crossChecks(Clock clock) {
    return new CrossChecks(clock);
  }
}
