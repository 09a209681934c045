package dev.vigil.scanner.tls.revocation;

/** RFC 5280 CRLReason codes by the names the RFC gives them, for evidence. */
final class Reasons {

  private static final String[] NAMES = {
    "unspecified",
    "keyCompromise",
    "cACompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    "7",
    "removeFromCRL",
    "privilegeWithdrawn",
    "aACompromise"
  };

  /** removeFromCRL: a delta CRL's way of saying "no longer on hold", i.e. not revoked. */
  static final int REMOVE_FROM_CRL = 8;

  private Reasons() {}

  static String name(int code) {
    return code >= 0 && code < NAMES.length ? NAMES[code] : Integer.toString(code);
  }
}
