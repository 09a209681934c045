package dev.vigil.scanner.domain;

import dev.vigil.events.Finding;
import dev.vigil.events.Severity;
import dev.vigil.scanner.domain.ChainVerification.AiaOutcome;
import dev.vigil.scanner.domain.ChainVerification.Anchor;
import dev.vigil.scanner.domain.ChainVerification.Trust;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SELF_SIGNED, UNTRUSTED_ROOT, INCOMPLETE_CHAIN and WRONG_CHAIN_ORDER, from the verifier's facts.
 */
final class TrustCheck {

  private TrustCheck() {}

  static void check(List<CertificateFacts> chain, ChainVerification v, List<Finding> out) {
    CertificateFacts leaf = chain.get(0);
    Anchor anchor = v.anchor();
    if (leaf.selfSigned()) {
      out.add(selfSigned(leaf, v));
    } else if (v.trust() == Trust.UNTRUSTED_ROOT) {
      // A self-signed leaf is its own untrusted root: SELF_SIGNED already says so.
      out.add(untrustedRoot(chain, v));
    }
    if (v.trust() == Trust.INCOMPLETE_CHAIN || v.aia() == AiaOutcome.COMPLETED) {
      out.add(incomplete(chain, v, anchor));
    }
    wrongOrder(chain, v).ifPresent(out::add);
  }

  private static Finding selfSigned(CertificateFacts leaf, ChainVerification v) {
    Map<String, String> evidence = new HashMap<>();
    evidence.put("subject", leaf.subject());
    evidence.put("sha256Fingerprint", leaf.sha256Fingerprint());
    boolean pinned = v.trust() == Trust.TRUSTED && v.anchor() != null && !v.anchor().publicRoot();
    evidence.put("trusted", Boolean.toString(pinned));
    if (pinned) {
      evidence.put("trustedBy", v.anchor().source());
      return new Finding(
          FindingCodes.SELF_SIGNED,
          Severity.INFO,
          0,
          "the leaf certificate is self-signed; it is trusted through " + v.anchor().source(),
          evidence);
    }
    return new Finding(
        FindingCodes.SELF_SIGNED,
        Severity.CRITICAL,
        0,
        "the leaf certificate is self-signed and no configured CA bundle trusts it",
        evidence);
  }

  private static Finding untrustedRoot(List<CertificateFacts> chain, ChainVerification v) {
    int rootPosition = v.path().get(v.path().size() - 1);
    CertificateFacts root = chain.get(rootPosition);
    Map<String, String> evidence = new HashMap<>();
    evidence.put("root", root.subject());
    evidence.put("rootSha256Fingerprint", root.sha256Fingerprint());
    evidence.put("path", Checks.join(v.path()));
    return new Finding(
        FindingCodes.UNTRUSTED_ROOT,
        Severity.CRITICAL,
        rootPosition,
        "the chain ends at " + root.subject() + ", which is not a trusted root",
        evidence);
  }

  private static Finding incomplete(
      List<CertificateFacts> chain, ChainVerification v, Anchor anchor) {
    int last = v.path().get(v.path().size() - 1);
    boolean completed = v.aia() == AiaOutcome.COMPLETED;
    Map<String, String> evidence = new HashMap<>();
    evidence.put("missingIssuer", v.missingIssuer() == null ? "" : v.missingIssuer());
    evidence.put("aiaUrls", Checks.join(v.aiaUrls()));
    evidence.put("aiaOutcome", v.aia().name());
    evidence.put("aiaCompletesChain", Boolean.toString(completed));
    if (v.aiaDetail() != null) {
      evidence.put("aiaDetail", v.aiaDetail());
    }
    String message =
        "the server does not send the issuer of "
            + Checks.who(last, chain.get(last))
            + ": "
            + v.missingIssuer()
            + (completed
                ? "; fetching it from "
                    + Checks.join(v.aiaUrls())
                    + " completes the chain to "
                    + anchor.subject()
                    + ", but clients that do not fetch AIA (most non-browsers) fail"
                : "");
    return new Finding(FindingCodes.INCOMPLETE_CHAIN, Severity.CRITICAL, last, message, evidence);
  }

  /**
   * Each served certificate should be issued by the next. A certificate issued by a served
   * certificate elsewhere in the list is out of order; one whose issuer was not served at all is an
   * incomplete chain instead, not a wrong order.
   */
  private static java.util.Optional<Finding> wrongOrder(
      List<CertificateFacts> chain, ChainVerification v) {
    List<Integer> issuers = v.issuerPositions();
    for (int i = 0; i < issuers.size() - 1; i++) {
      int issuer = issuers.get(i);
      if (issuer >= 0 && issuer != i && issuer != i + 1) {
        Map<String, String> evidence = new HashMap<>();
        evidence.put("issuerPositions", Checks.join(issuers));
        evidence.put("expectedIssuerPosition", Integer.toString(i + 1));
        evidence.put("actualIssuerPosition", Integer.toString(issuer));
        return java.util.Optional.of(
            new Finding(
                FindingCodes.WRONG_CHAIN_ORDER,
                Severity.WARNING,
                i,
                Checks.who(i, chain.get(i))
                    + " is issued by served certificate "
                    + issuer
                    + ", not by the next one ("
                    + (i + 1)
                    + "): the chain is not sent in leaf-to-root order",
                evidence));
      }
    }
    return java.util.Optional.empty();
  }
}
