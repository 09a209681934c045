package dev.vigil.scanner.config;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.RevocationCheck;
import dev.vigil.scanner.tls.IssuerLookup;
import dev.vigil.scanner.tls.ParsedCertificates;
import dev.vigil.scanner.tls.PolicyHttp;
import dev.vigil.scanner.tls.SignatureChecks;
import dev.vigil.scanner.tls.TrustAnchors;
import dev.vigil.scanner.tls.revocation.RevocationChecker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Builds the revocation check once, from {@link RevocationConfig}. Every answer not taken from the
 * cache is counted in {@code vigil_revocation_requests_total{source,status,why}} (all three labels
 * from fixed enums), so responders that fail or are asked too often show.
 */
public class RevocationBeans {

  @Produces
  @Singleton
  RevocationChecker revocationChecker(
      RevocationConfig config,
      AddressPolicy policy,
      TrustAnchors anchors,
      SignatureChecks signatures,
      ParsedCertificates parsed,
      Clock clock,
      MeterRegistry meters) {
    return new RevocationChecker(
        new IssuerLookup(anchors, signatures, parsed),
        new PolicyHttp(policy, config.timeout()),
        new RevocationCheck(clock, config.maxCacheAge()),
        clock,
        new RevocationChecker.Settings(
            config.enabled(),
            config.ocspMaxBytes(),
            config.crlMaxBytes(),
            config.cacheSize(),
            config.crlCacheSize(),
            config.maxCertificates(),
            config.ocspNonce(),
            config.budget()),
        answer ->
            meters
                .counter(
                    "vigil_revocation_requests_total",
                    "source",
                    answer.source().label(),
                    "status",
                    answer.status().name(),
                    "why",
                    answer.why() == null ? "none" : answer.why().name())
                .increment());
  }
}
