package dev.vigil.scanner.tls.revocation;

import dev.vigil.events.Finding;
import dev.vigil.scanner.domain.CertificateFacts;
import dev.vigil.scanner.domain.CertificateRevocation;
import dev.vigil.scanner.domain.RevocationAnswer;
import dev.vigil.scanner.domain.RevocationAnswer.Source;
import dev.vigil.scanner.domain.RevocationAnswer.Why;
import dev.vigil.scanner.domain.RevocationCheck;
import dev.vigil.scanner.tls.IssuerLookup;
import dev.vigil.scanner.tls.PolicyHttp;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.cert.X509CertificateHolder;
import org.jboss.logging.Logger;

/**
 * Asks whether the served certificates are revoked: the stapled OCSP response first (no network),
 * then the OCSP responders of the certificate's AIA, then its CRL distribution points, stopping at
 * the first answer that settles it. Answers are verified here and judged by the domain's {@link
 * RevocationCheck}; signed answers are reused until their nextUpdate (at most {@code
 * max-cache-age}), so rescanning every few minutes does not hammer responders.
 *
 * <p>Never throws: whatever goes wrong becomes an answer with a reason.
 */
public final class RevocationChecker {

  private static final Logger LOG = Logger.getLogger(RevocationChecker.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** URLs of each kind asked per certificate at most: each may cost a full timeout. */
  static final int MAX_URLS = 2;

  /**
   * @param enabled {@code vigil.scanner.revocation.enabled}
   * @param maxCertificates certificates of a chain checked at most, leaf first
   * @param ocspNonce send a nonce with OCSP requests
   * @param budget network time one chain's check may spend in all; once spent, sources not yet
   *     asked are reported as {@code TIMEOUT} (a chain naming slow responders must not hold a
   *     worker for minutes)
   */
  public record Settings(
      boolean enabled,
      int ocspMaxBytes,
      int crlMaxBytes,
      int ocspCacheSize,
      int crlCacheSize,
      int maxCertificates,
      boolean ocspNonce,
      Duration budget) {}

  private final IssuerLookup issuers;
  private final PolicyHttp http;
  private final RevocationCheck rules;
  private final Clock clock;
  private final Settings settings;
  private final ExpiringCache<String, RevocationAnswer> ocspAnswers;
  private final ExpiringCache<String, Crl> crls;
  private final Consumer<RevocationAnswer> observer;

  public RevocationChecker(
      IssuerLookup issuers,
      PolicyHttp http,
      RevocationCheck rules,
      Clock clock,
      Settings settings) {
    this(issuers, http, rules, clock, settings, answer -> {});
  }

  /**
   * @param observer told of every answer that was not taken from the cache (a stapled response
   *     read, a responder or CRL server asked, or a source skipped), before it is judged: for
   *     metrics
   */
  public RevocationChecker(
      IssuerLookup issuers,
      PolicyHttp http,
      RevocationCheck rules,
      Clock clock,
      Settings settings,
      Consumer<RevocationAnswer> observer) {
    this.observer = observer;
    this.issuers = issuers;
    this.http = http;
    this.rules = rules;
    this.clock = clock;
    this.settings = settings;
    this.ocspAnswers = new ExpiringCache<>(settings.ocspCacheSize());
    this.crls = new ExpiringCache<>(settings.crlCacheSize());
  }

  /** The revocation findings of a served chain; none when switched off. */
  public List<Finding> findings(
      List<byte[]> served, List<CertificateFacts> facts, byte[] stapledOcsp) {
    if (!settings.enabled()) {
      return List.of();
    }
    return rules.findings(facts, check(served, stapledOcsp));
  }

  /** The answers gathered for each certificate on the served path. */
  public List<CertificateRevocation> check(List<byte[]> served, byte[] stapledOcsp) {
    List<CertificateRevocation> out = new ArrayList<>();
    List<IssuerLookup.Subject> subjects;
    try {
      subjects = issuers.path(served, settings.maxCertificates());
    } catch (RuntimeException e) {
      LOG.debugf("no revocation check: %s", e.toString());
      return out;
    }
    long deadline = System.nanoTime() + settings.budget().toNanos();
    for (IssuerLookup.Subject subject : subjects) {
      byte[] stapled = subject.position() == 0 ? stapledOcsp : null;
      try {
        out.add(new CertificateRevocation(subject.position(), answers(subject, stapled, deadline)));
      } catch (Exception e) {
        // A bug or a certificate BouncyCastle chokes on must not cost the scan.
        LOG.warnf("revocation check of position %d failed: %s", subject.position(), e.toString());
        out.add(
            new CertificateRevocation(
                subject.position(),
                List.of(RevocationAnswer.failed(Source.OCSP, null, Why.MALFORMED, e.toString()))));
      }
    }
    return out;
  }

  private List<RevocationAnswer> answers(
      IssuerLookup.Subject subject, byte[] stapled, long deadline) throws Exception {
    X509CertificateHolder cert = new X509CertificateHolder(subject.certificate());
    List<String> ocspUrls = RevocationUrls.ocsp(cert);
    List<String> crlUrls = RevocationUrls.crl(cert);
    List<RevocationAnswer> answers = new ArrayList<>();
    if (stapled == null && ocspUrls.isEmpty() && crlUrls.isEmpty()) {
      return answers; // nothing to ask: no finding
    }
    if (subject.issuer() == null) {
      answers.add(
          RevocationAnswer.failed(
              stapled != null ? Source.STAPLED_OCSP : ocspUrls.isEmpty() ? Source.CRL : Source.OCSP,
              null,
              Why.NO_ISSUER,
              "the issuer was neither served nor a trust anchor"));
      return answers;
    }
    X509CertificateHolder issuer = new X509CertificateHolder(subject.issuer());
    if (stapled != null) {
      String host = ocspUrls.isEmpty() ? null : PolicyHttp.hostOf(ocspUrls.get(0));
      RevocationAnswer a =
          rules.judge(
              asked(
                  Ocsp.read(
                      stapled, Source.STAPLED_OCSP, host, cert, issuer, null, clock.instant())));
      answers.add(a);
      if (RevocationCheck.conclusive(a)) {
        return answers;
      }
    }
    for (String url : ocspUrls.subList(0, Math.min(MAX_URLS, ocspUrls.size()))) {
      RevocationAnswer a = rules.judge(ocsp(url, cert, issuer, deadline));
      answers.add(a);
      if (RevocationCheck.conclusive(a)) {
        return answers;
      }
    }
    for (String url : crlUrls.subList(0, Math.min(MAX_URLS, crlUrls.size()))) {
      RevocationAnswer a = rules.judge(crl(url, cert, issuer, deadline));
      answers.add(a);
      if (RevocationCheck.conclusive(a)) {
        return answers;
      }
    }
    return answers;
  }

  private RevocationAnswer ocsp(
      String url, X509CertificateHolder cert, X509CertificateHolder issuer, long deadline)
      throws Exception {
    String host = PolicyHttp.hostOf(url);
    String key = url + '|' + keyId(issuer) + '|' + cert.getSerialNumber().toString(16);
    RevocationAnswer cached = ocspAnswers.get(key, clock.instant());
    if (cached != null) {
      return cached;
    }
    if (System.nanoTime() > deadline) {
      return asked(spent(Source.OCSP, host));
    }
    byte[] nonce = null;
    if (settings.ocspNonce()) {
      nonce = new byte[16];
      RANDOM.nextBytes(nonce);
    }
    byte[] response;
    try {
      response =
          http.post(
              url,
              "application/ocsp-request",
              Ocsp.request(cert, issuer, nonce),
              "application/ocsp-response",
              settings.ocspMaxBytes());
    } catch (PolicyHttp.HttpFailure e) {
      return asked(RevocationAnswer.failed(Source.OCSP, host, why(e.kind()), e.getMessage()));
    }
    RevocationAnswer answer =
        asked(Ocsp.read(response, Source.OCSP, host, cert, issuer, nonce, clock.instant()));
    rules.keepUntil(answer).ifPresent(until -> ocspAnswers.put(key, answer, until));
    return answer;
  }

  private RevocationAnswer crl(
      String url, X509CertificateHolder cert, X509CertificateHolder issuer, long deadline)
      throws Exception {
    String host = PolicyHttp.hostOf(url);
    String key = url + '|' + keyId(issuer);
    Crl crl = crls.get(key, clock.instant());
    boolean fetched = crl == null;
    if (fetched) {
      if (System.nanoTime() > deadline) {
        return asked(spent(Source.CRL, host));
      }
      try {
        crl = Crl.read(http.get(url, "application/pkix-crl, */*", settings.crlMaxBytes()), issuer);
      } catch (PolicyHttp.HttpFailure e) {
        return asked(RevocationAnswer.failed(Source.CRL, host, why(e.kind()), e.getMessage()));
      } catch (Crl.CrlFailure e) {
        return asked(RevocationAnswer.failed(Source.CRL, host, e.why, e.getMessage()));
      }
      Crl kept = crl;
      rules
          .keepUntil(RevocationAnswer.good(Source.CRL, host, crl.thisUpdate, crl.nextUpdate))
          .ifPresent(until -> crls.put(key, kept, until));
    }
    Crl.Revoked entry = crl.lookup(cert.getSerialNumber());
    RevocationAnswer answer =
        entry == null
            ? RevocationAnswer.good(Source.CRL, host, crl.thisUpdate, crl.nextUpdate)
            : RevocationAnswer.revoked(
                Source.CRL, host, crl.thisUpdate, crl.nextUpdate, entry.at(), entry.reason());
    return fetched ? asked(answer) : answer;
  }

  private RevocationAnswer asked(RevocationAnswer answer) {
    try {
      observer.accept(answer);
    } catch (RuntimeException e) {
      LOG.debugf("revocation observer failed: %s", e.toString());
    }
    return answer;
  }

  private RevocationAnswer spent(Source source, String host) {
    return RevocationAnswer.failed(
        source,
        host,
        Why.TIMEOUT,
        "not asked: the chain's revocation budget of " + settings.budget() + " was spent");
  }

  private static Why why(PolicyHttp.Failure kind) {
    return switch (kind) {
      case UNSUPPORTED_URL -> Why.UNSUPPORTED_URL;
      case DENIED_BY_POLICY -> Why.DENIED_BY_POLICY;
      case DNS -> Why.DNS;
      case UNREACHABLE -> Why.UNREACHABLE;
      case TIMEOUT -> Why.TIMEOUT;
      case HTTP_STATUS -> Why.HTTP_ERROR;
      case MALFORMED -> Why.MALFORMED;
      case TOO_LARGE -> Why.TOO_LARGE;
    };
  }

  /** Cached OCSP answers and CRLs, for tests and metrics. */
  public int cachedAnswers() {
    return ocspAnswers.size() + crls.size();
  }

  /** The issuer's key, hashed: a cache key part that two CAs with one name cannot share. */
  private static String keyId(X509CertificateHolder issuer) throws Exception {
    return HEX.formatHex(
        MessageDigest.getInstance("SHA-256").digest(issuer.getSubjectPublicKeyInfo().getEncoded()));
  }
}
