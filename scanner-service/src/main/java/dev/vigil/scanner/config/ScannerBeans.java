package dev.vigil.scanner.config;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.Cidr;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the plain domain objects from configuration, once. */
public class ScannerBeans {

  @Produces
  @Singleton
  AddressPolicy addressPolicy(ScannerConfig config) {
    List<Cidr> allow = config.allowNetworks().orElse(List.of()).stream().map(Cidr::parse).toList();
    List<Cidr> deny = config.denyNetworks().stream().map(Cidr::parse).toList();
    return new AddressPolicy(allow, deny, config.denyHosts());
  }
}
