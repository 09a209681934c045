package dev.vigil.scanner.config;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.Cidr;
import dev.vigil.scanner.domain.ScanSchedule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the plain domain objects from configuration, once. */
public class ScannerBeans {

  @Produces
  @Singleton
  AddressPolicy addressPolicy(ScannerConfig config) {
    List<Cidr> allow = config.allowNetworks().orElse(List.of()).stream().map(Cidr::parse).toList();
    List<Cidr> deny = config.denyNetworks().stream().map(Cidr::parse).toList();
    return new AddressPolicy(allow, deny, config.denyHosts());
  }

  @Produces
  @Singleton
  ScanSchedule scanSchedule(ScannerConfig config) {
    return new ScanSchedule(
        config.jitter(), config.maxBackoffFactor(), () -> ThreadLocalRandom.current().nextDouble());
  }
}
