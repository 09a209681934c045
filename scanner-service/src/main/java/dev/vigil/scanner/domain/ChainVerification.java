package dev.vigil.scanner.domain;

import java.util.List;

/**
 * What the crypto layer established about a served chain, as plain facts: who signed whom, whether
 * a path reaches a trust anchor, and what fetching the AIA issuer did. The analysis turns these
 * into findings; it never checks a signature itself.
 *
 * @param issuerPositions for each served certificate, the position of the served certificate whose
 *     key verifies its signature (its own position when self-signed), or -1 when no served
 *     certificate issued it
 * @param trust whether a path from the leaf reaches a trust anchor, and if not why
 * @param anchor the trust anchor the path ends at, when trusted
 * @param path served positions on the path from the leaf towards the anchor, leaf first
 * @param missingIssuer the issuer DN no certificate could be found for, when not trusted
 * @param aiaUrls the caIssuers URLs of the certificate whose issuer is missing
 * @param aia what fetching them did
 * @param aiaDetail why fetching failed, or what it returned
 */
public record ChainVerification(
    List<Integer> issuerPositions,
    Trust trust,
    Anchor anchor,
    List<Integer> path,
    String missingIssuer,
    List<String> aiaUrls,
    AiaOutcome aia,
    String aiaDetail) {

  public ChainVerification {
    issuerPositions = List.copyOf(issuerPositions);
    path = List.copyOf(path);
    aiaUrls = aiaUrls == null ? List.of() : List.copyOf(aiaUrls);
  }

  /** Whether a path from the leaf reached a trust anchor. */
  public enum Trust {
    /** A path reaches a trust anchor (possibly with an issuer fetched over AIA). */
    TRUSTED,
    /** The path ends at a self-issued certificate that is no trust anchor. */
    UNTRUSTED_ROOT,
    /** The path stops at a certificate whose issuer was neither served nor a trust anchor. */
    INCOMPLETE_CHAIN
  }

  /** What fetching the missing issuer from its AIA caIssuers URL did. */
  public enum AiaOutcome {
    /** No issuer was missing. */
    NOT_NEEDED,
    /** AIA fetching is switched off ({@code vigil.scanner.trust.fetch-aia=false}). */
    DISABLED,
    /** The certificate names no caIssuers URL. */
    NO_URL,
    /** A fetched issuer completed the path to a trust anchor. */
    COMPLETED,
    /** Fetching failed, or what it returned did not lead to a trust anchor. */
    NOT_COMPLETED
  }

  /**
   * A trust anchor.
   *
   * @param subject its subject DN
   * @param publicRoot from the system (publicly trusted) roots rather than a configured bundle
   * @param source {@code system} or the path of the configured CA bundle
   * @param servedPosition the served certificate that is the anchor itself, or -1 when the anchor
   *     was not served (the usual case: servers need not send the root)
   */
  public record Anchor(String subject, boolean publicRoot, String source, int servedPosition) {}
}
