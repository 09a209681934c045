package dev.vigil.scanner.messaging;

/** Channel names: roles, not topics (topics live in application.properties). */
public final class Channels {

  /** Outgoing {@code CertificateScanned} events. */
  public static final String CERTIFICATE_SCANS = "certificate-scans";

  /** Incoming target definitions: this replica's share of the compacted targets topic. */
  public static final String SCAN_TARGETS = "scan-targets";

  /** Outgoing target definitions written by the REST API (same topic as {@link #SCAN_TARGETS}). */
  public static final String SCAN_TARGET_UPDATES = "scan-target-updates";

  /** Outgoing {@code ScanTargetRetired} events, through the outbox ({@link ScannerOutboxSink}). */
  public static final String SCAN_TARGET_RETIREMENTS = "scan-target-retirements";

  /**
   * Incoming chain and API definitions: this replica's share of the compacted chain-targets topic.
   */
  public static final String CHAIN_TARGETS = "chain-targets";

  /** Outgoing chain and API definitions written by the REST API (same topic as above). */
  public static final String CHAIN_TARGET_UPDATES = "chain-target-updates";

  /** Outgoing {@code ChainHealthObserved} events. */
  public static final String CHAIN_HEALTH = "chain-health";

  /** Outgoing {@code ProviderRankingChanged} events. */
  public static final String PROVIDER_RANKINGS = "provider-rankings";

  private Channels() {}
}
