package dev.vigil.events;

/** Why a target could not be read. A fixed set, so it can be a metric label. */
public enum UnreachableReason {
  DNS,
  REFUSED,
  TIMEOUT,
  HANDSHAKE_FAILURE,
  NOT_TLS,
  DENIED_BY_POLICY,
  IO_ERROR,
  /** A file or Kubernetes object was read but holds no readable certificate (or bad password). */
  UNREADABLE,
  /** The plain-text protocol (SMTP, IMAP, ...) did not agree to upgrade the connection to TLS. */
  STARTTLS_FAILED
}
