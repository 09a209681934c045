package dev.vigil.scanner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The revocation check (OCSP, stapled OCSP, CRL), under {@code vigil.scanner.revocation}. */
@ConfigMapping(prefix = "vigil.scanner.revocation")
public interface RevocationConfig {

  /** Check whether served certificates are revoked. */
  @WithDefault("true")
  boolean enabled();

  /** Bound on one OCSP or CRL exchange (connect, request and response together). */
  @WithDefault("PT3S")
  Duration timeout();

  /**
   * Network time one chain's revocation check may spend in all (several certificates, each with
   * OCSP and CRL URLs); sources not asked in time are reported as TIMEOUT.
   */
  @WithDefault("PT10S")
  Duration budget();

  /** Largest OCSP response accepted. */
  @WithDefault("65536")
  int ocspMaxBytes();

  /** Largest CRL accepted (10 MiB). */
  @WithDefault("10485760")
  int crlMaxBytes();

  /** OCSP answers kept (one per certificate and responder). */
  @WithDefault("10000")
  int cacheSize();

  /** CRLs kept, indexed by serial number (a large CRL indexes to tens of MB). */
  @WithDefault("16")
  int crlCacheSize();

  /** An answer is reused until its nextUpdate, but never longer than this. */
  @WithDefault("PT1H")
  Duration maxCacheAge();

  /** Certificates of a chain checked, leaf first (the path up to the trust anchor). */
  @WithDefault("3")
  int maxCertificates();

  /** Send a nonce with OCSP requests (most public responders ignore it). */
  @WithDefault("false")
  boolean ocspNonce();
}
