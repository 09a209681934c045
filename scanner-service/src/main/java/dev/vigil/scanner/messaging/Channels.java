package dev.vigil.scanner.messaging;

/** Channel names: roles, not topics (topics live in application.properties). */
public final class Channels {

  /** Outgoing {@code CertificateScanned} events. */
  public static final String CERTIFICATE_SCANS = "certificate-scans";

  private Channels() {}
}
