package dev.vigil.incident.service;

import dev.vigil.incident.domain.sla.DailyUptimes;
import dev.vigil.incident.domain.sla.UptimeCalculator;
import dev.vigil.incident.domain.sla.UptimeRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the plain-Java uptime calculator with the configured weights. */
public class UptimeBeans {

  @Produces
  @Singleton
  UptimeCalculator calculator(
      @ConfigProperty(name = "vigil.uptime.weight.major-outage", defaultValue = "1.0") double major,
      @ConfigProperty(name = "vigil.uptime.weight.partial-outage", defaultValue = "0.3")
          double partial,
      @ConfigProperty(name = "vigil.uptime.weight.degraded-performance", defaultValue = "0.0")
          double degraded) {
    return new UptimeCalculator(UptimeRules.of(major, partial, degraded));
  }

  @Produces
  @Singleton
  DailyUptimes pageDays(UptimeCalculator calculator) {
    return new DailyUptimes(calculator);
  }
}
