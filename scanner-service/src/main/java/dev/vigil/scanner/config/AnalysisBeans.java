package dev.vigil.scanner.config;

import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.ChainAnalyzer;
import dev.vigil.scanner.domain.ExpiryPolicy;
import dev.vigil.scanner.domain.ExpiryRule;
import dev.vigil.scanner.domain.ExpiryThresholds;
import dev.vigil.scanner.tls.BouncyCastleCertificateDecoder;
import dev.vigil.scanner.tls.ChainInspector;
import dev.vigil.scanner.tls.ChainVerifier;
import dev.vigil.scanner.tls.HttpIssuerFetcher;
import dev.vigil.scanner.tls.IssuerFetcher;
import dev.vigil.scanner.tls.ParsedCertificates;
import dev.vigil.scanner.tls.SignatureChecks;
import dev.vigil.scanner.tls.TrustAnchors;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * Builds the certificate analysis (decoder, trust anchors, verifier, analyzer) once. Created at
 * startup, so an unreadable CA bundle or an invalid expiry rule stops the service instead of
 * failing every scan.
 */
public class AnalysisBeans {

  private static final Logger LOG = Logger.getLogger(AnalysisBeans.class);

  @Produces
  @Singleton
  SignatureChecks signatureChecks() {
    return new SignatureChecks();
  }

  @Produces
  @Singleton
  ParsedCertificates parsedCertificates() {
    return new ParsedCertificates();
  }

  @Produces
  @Singleton
  BouncyCastleCertificateDecoder decoder(SignatureChecks signatures, ParsedCertificates parsed) {
    return new BouncyCastleCertificateDecoder(signatures, parsed);
  }

  @Produces
  @Singleton
  @Startup
  TrustAnchors trustAnchors(TrustConfig trust, SignatureChecks signatures) {
    List<Path> bundles = trust.caBundles().orElse(List.of()).stream().map(Path::of).toList();
    TrustAnchors anchors = TrustAnchors.load(trust.systemRoots(), bundles).precheck(signatures);
    LOG.infof(
        "trusting %d CA certificates (system roots: %s, bundles: %s)",
        anchors.size(), trust.systemRoots(), bundles);
    return anchors;
  }

  @Produces
  @Singleton
  IssuerFetcher issuerFetcher(AddressPolicy policy, TrustConfig trust) {
    return new HttpIssuerFetcher(policy, trust.aiaTimeout(), trust.aiaMaxBytes());
  }

  @Produces
  @Singleton
  ChainVerifier chainVerifier(
      TrustAnchors anchors,
      IssuerFetcher fetcher,
      TrustConfig trust,
      SignatureChecks signatures,
      ParsedCertificates parsed) {
    return new ChainVerifier(anchors, fetcher, trust.fetchAia(), signatures, parsed);
  }

  @Produces
  @Singleton
  @Startup
  ExpiryPolicy expiryPolicy(ScannerConfig scanner, ExpiryConfig expiry) {
    ExpiryThresholds defaults =
        new ExpiryThresholds(
            scanner.warningDays(), scanner.criticalDays(), valueOr(expiry.lifetimePercent(), null));
    List<ExpiryRule> rules =
        expiry.rules().orElse(List.of()).stream()
            .map(
                rule ->
                    new ExpiryRule(
                        rule.match(),
                        new ExpiryThresholds(
                            rule.warningDays().orElse(defaults.warningDays()),
                            rule.criticalDays().orElse(defaults.criticalDays()),
                            valueOr(rule.lifetimePercent(), defaults.lifetimePercent()))))
            .toList();
    return ExpiryPolicy.labelRules(rules, defaults);
  }

  /** Boxed on purpose: a ternary mixing int and Integer would unbox a null fallback. */
  private static Integer valueOr(OptionalInt value, Integer fallback) {
    return value.isPresent() ? Integer.valueOf(value.getAsInt()) : fallback;
  }

  @Produces
  @Singleton
  ChainAnalyzer chainAnalyzer(Clock clock, ExpiryPolicy expiry) {
    return new ChainAnalyzer(clock, expiry);
  }

  @Produces
  @Singleton
  ChainInspector chainInspector(
      BouncyCastleCertificateDecoder decoder, ChainVerifier verifier, ChainAnalyzer analyzer) {
    return new ChainInspector(decoder, verifier, analyzer);
  }
}
