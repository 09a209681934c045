package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.ChainVerification;
import dev.vigil.scanner.domain.ChainVerification.AiaOutcome;
import dev.vigil.scanner.domain.ChainVerification.Anchor;
import dev.vigil.scanner.domain.ChainVerification.Trust;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks who signed whom in a served chain and builds the path from the leaf to a trust anchor,
 * fetching a missing issuer from its AIA caIssuers URL when allowed. It hands the domain plain
 * facts ({@link ChainVerification}); what they mean is decided there.
 *
 * <p>Not checked here: validity dates (the analysis judges them with its clock), name constraints,
 * policies, key usage and revocation. The path is built greedily: at each step the served issuer is
 * preferred, then an anchor; this finds the path every real client finds for ordinary chains,
 * including cross-signed roots, but does not search alternative paths.
 */
public final class ChainVerifier {

  private static final int MAX_DEPTH = 10;
  private static final int MAX_AIA_FETCHES = 3;

  private final TrustAnchors anchors;
  private final IssuerFetcher fetcher;
  private final boolean fetchAia;
  private final SignatureChecks signatures;
  private final ParsedCertificates parsed;

  /**
   * @param fetcher fetches AIA issuers; ignored when {@code fetchAia} is false
   * @param parsed where served certificates are parsed (and remembered)
   */
  public ChainVerifier(
      TrustAnchors anchors,
      IssuerFetcher fetcher,
      boolean fetchAia,
      SignatureChecks signatures,
      ParsedCertificates parsed) {
    this.anchors = anchors;
    this.fetcher = fetcher;
    this.fetchAia = fetchAia && fetcher != null;
    this.signatures = signatures;
    this.parsed = parsed;
  }

  public ChainVerifier(
      TrustAnchors anchors, IssuerFetcher fetcher, boolean fetchAia, SignatureChecks signatures) {
    this(anchors, fetcher, fetchAia, signatures, new ParsedCertificates(0));
  }

  /** Verifies DER certificates as served, leaf first. */
  public ChainVerification verify(List<byte[]> served) {
    List<ParsedCertificate> certs = new ArrayList<>(served.size());
    for (byte[] der : served) {
      certs.add(parsed.parse(der));
    }
    return verifyParsed(certs);
  }

  ChainVerification verifyParsed(List<ParsedCertificate> certs) {
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("a served chain has at least one certificate");
    }
    List<Integer> issuers = issuerPositions(certs);
    Walk walk = new Walk(certs, issuers);
    return walk.run();
  }

  /** For each served certificate, the served certificate that signed it: next first, then any. */
  private List<Integer> issuerPositions(List<ParsedCertificate> certs) {
    List<Integer> out = new ArrayList<>(certs.size());
    for (int i = 0; i < certs.size(); i++) {
      out.add(servedIssuer(certs, certs.get(i), i));
    }
    return out;
  }

  private int servedIssuer(List<ParsedCertificate> certs, ParsedCertificate cert, int self) {
    if (self >= 0 && cert.selfIssued() && signatures.signedBy(cert, cert)) {
      return self;
    }
    int next = self + 1;
    if (self >= 0 && next < certs.size() && isIssuer(cert, certs.get(next))) {
      return next;
    }
    for (int j = 0; j < certs.size(); j++) {
      boolean triedAlready = j == self || (self >= 0 && j == next);
      if (!triedAlready && isIssuer(cert, certs.get(j))) {
        return j;
      }
    }
    return -1;
  }

  private boolean isIssuer(ParsedCertificate cert, ParsedCertificate candidate) {
    return cert.namesIssuer(candidate) && signatures.signedBy(cert, candidate);
  }

  /** One path-building run over a served chain. */
  private final class Walk {
    private final List<ParsedCertificate> certs;
    private final List<Integer> issuers;
    private final List<Integer> path = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private String missingIssuer;
    private List<String> aiaUrls = List.of();
    private AiaOutcome aia = AiaOutcome.NOT_NEEDED;
    private String aiaDetail;
    private int fetches;

    Walk(List<ParsedCertificate> certs, List<Integer> issuers) {
      this.certs = certs;
      this.issuers = issuers;
    }

    ChainVerification run() {
      ParsedCertificate current = certs.get(0);
      int position = 0;
      path.add(0);
      for (int depth = 0; depth < MAX_DEPTH; depth++) {
        seen.add(current.sha256Fingerprint);
        Optional<TrustAnchors.Entry> itself = anchors.sameAs(current);
        if (itself.isPresent()) {
          return trusted(itself.get().anchor(position));
        }
        int issuer = position >= 0 ? issuers.get(position) : servedIssuer(certs, current, -1);
        if (issuer >= 0
            && issuer != position
            && !seen.contains(certs.get(issuer).sha256Fingerprint)) {
          position = issuer;
          current = certs.get(issuer);
          path.add(issuer);
          continue;
        }
        Optional<TrustAnchors.Entry> byAnchor = anchors.issuerOf(current, signatures);
        if (byAnchor.isPresent()) {
          return trusted(byAnchor.get().anchor(servedPositionOf(byAnchor.get())));
        }
        boolean selfSigned =
            (position >= 0 && issuer == position)
                || (current.selfIssued() && signatures.signedBy(current, current));
        if (selfSigned) {
          if (missingIssuer == null) {
            return result(Trust.UNTRUSTED_ROOT, null);
          }
          aiaDetail += ", a root that is not trusted";
          return result(Trust.INCOMPLETE_CHAIN, null);
        }
        Optional<ParsedCertificate> fetched = fetchIssuer(current);
        if (fetched.isEmpty()) {
          return result(Trust.INCOMPLETE_CHAIN, null);
        }
        current = fetched.get();
        position = -1;
      }
      return result(Trust.INCOMPLETE_CHAIN, null);
    }

    private int servedPositionOf(TrustAnchors.Entry anchor) {
      for (int i = 0; i < certs.size(); i++) {
        ParsedCertificate c = certs.get(i);
        if (java.util.Arrays.equals(c.subjectDer, anchor.certificate().subjectDer)
            && c.spkiSha256.equals(anchor.certificate().spkiSha256)) {
          return i;
        }
      }
      return -1;
    }

    /** The issuer of {@code cert} from its AIA URL, or empty (recording why). */
    private Optional<ParsedCertificate> fetchIssuer(ParsedCertificate cert) {
      boolean first = missingIssuer == null;
      if (first) {
        missingIssuer = cert.issuer();
        aiaUrls = cert.caIssuersUrls();
      }
      if (!fetchAia) {
        aia = AiaOutcome.DISABLED;
        return Optional.empty();
      }
      List<String> urls = first ? aiaUrls : cert.caIssuersUrls();
      if (urls.isEmpty()) {
        aia = first ? AiaOutcome.NO_URL : AiaOutcome.NOT_COMPLETED;
        aiaDetail = first ? null : "fetched issuer " + cert.subject() + " names no caIssuers URL";
        return Optional.empty();
      }
      aia = AiaOutcome.NOT_COMPLETED;
      for (String url : urls) {
        if (fetches++ >= MAX_AIA_FETCHES) {
          aiaDetail = "gave up after " + MAX_AIA_FETCHES + " fetches";
          return Optional.empty();
        }
        IssuerFetcher.Result result = fetcher.fetch(url);
        if (result.failure() != null) {
          aiaDetail = url + ": " + result.failure();
          continue;
        }
        for (byte[] der : result.certificates()) {
          ParsedCertificate candidate;
          try {
            candidate = ParsedCertificate.parse(der);
          } catch (RuntimeException e) {
            continue;
          }
          if (isIssuer(cert, candidate) && !seen.contains(candidate.sha256Fingerprint)) {
            aiaDetail = "fetched " + candidate.subject() + " from " + url;
            return Optional.of(candidate);
          }
        }
        aiaDetail = url + ": the fetched certificate did not issue " + cert.subject();
      }
      return Optional.empty();
    }

    private ChainVerification trusted(Anchor anchor) {
      if (missingIssuer != null) {
        aia = AiaOutcome.COMPLETED;
      }
      return result(Trust.TRUSTED, anchor);
    }

    private ChainVerification result(Trust trust, Anchor anchor) {
      return new ChainVerification(
          issuers, trust, anchor, path, missingIssuer, aiaUrls, aia, aiaDetail);
    }
  }
}
