package dev.vigil.scanner.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-text protocol a target speaks before it upgrades to TLS, or {@link #NONE} for TLS from
 * the first byte.
 */
public enum StartTls {
  NONE,
  /** RFC 3207: {@code EHLO}, then {@code STARTTLS}. */
  SMTP,
  /** RFC 9051: {@code a001 STARTTLS}. */
  IMAP,
  /** RFC 2595: {@code STLS}. */
  POP3,
  /** RFC 4217: {@code AUTH TLS}. */
  FTP,
  /** RFC 4511: the StartTLS extended operation. */
  LDAP,
  /** PostgreSQL's SSLRequest message. */
  POSTGRES;

  /** Reads a name case-insensitively; empty when it names no protocol. */
  public static Optional<StartTls> parse(String name) {
    if (name == null) {
      return Optional.of(NONE);
    }
    return Arrays.stream(values())
        .filter(p -> p.name().equals(name.trim().toUpperCase(Locale.ROOT)))
        .findFirst();
  }

  /** The accepted names, for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
