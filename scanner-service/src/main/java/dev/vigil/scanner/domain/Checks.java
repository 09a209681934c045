package dev.vigil.scanner.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Small helpers the checks share. */
final class Checks {

  private Checks() {}

  /** "the leaf certificate (CN=...)" or "chain certificate 2 (CN=...)", for messages. */
  static String who(int position, CertificateFacts cert) {
    return (position == 0 ? "the leaf certificate" : "chain certificate " + position)
        + " ("
        + cert.subject()
        + ")";
  }

  static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
