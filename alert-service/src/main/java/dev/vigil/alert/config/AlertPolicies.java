package dev.vigil.alert.config;

import dev.vigil.alert.domain.CertificateExpiryPolicy;
import dev.vigil.alert.domain.ExpiryThresholds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain-Java policies from configuration. */
public class AlertPolicies {

  /**
   * Created at startup so that inconsistent thresholds (warning not above critical) stop the
   * service at once instead of at the first scan.
   */
  @Produces
  @Singleton
  @Startup
  CertificateExpiryPolicy certificateExpiryPolicy(AlertConfig config) {
    return new CertificateExpiryPolicy(
        new ExpiryThresholds(
            config.certificate().warningDays(), config.certificate().criticalDays()));
  }
}
