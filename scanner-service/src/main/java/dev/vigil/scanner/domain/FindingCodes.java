package dev.vigil.scanner.domain;

/**
 * The stable codes of certificate findings. Codes are part of the event contract: never rename one.
 * The catalogue (severity, rule, evidence keys) is in {@code DESIGN.md} beside this class.
 */
public final class FindingCodes {

  public static final String EXPIRED = "EXPIRED";
  public static final String EXPIRING_SOON = "EXPIRING_SOON";
  public static final String NOT_YET_VALID = "NOT_YET_VALID";
  public static final String HOSTNAME_MISMATCH = "HOSTNAME_MISMATCH";
  public static final String SELF_SIGNED = "SELF_SIGNED";
  public static final String UNTRUSTED_ROOT = "UNTRUSTED_ROOT";
  public static final String INCOMPLETE_CHAIN = "INCOMPLETE_CHAIN";
  public static final String WRONG_CHAIN_ORDER = "WRONG_CHAIN_ORDER";
  public static final String WEAK_KEY = "WEAK_KEY";
  public static final String WEAK_SIGNATURE = "WEAK_SIGNATURE";
  public static final String LONG_VALIDITY = "LONG_VALIDITY";
  public static final String REVOKED = "REVOKED";
  public static final String REVOCATION_UNCHECKABLE = "REVOCATION_UNCHECKABLE";

  private FindingCodes() {}
}
