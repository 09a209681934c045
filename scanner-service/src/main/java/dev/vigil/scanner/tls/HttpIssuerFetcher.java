package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.AddressPolicy;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches an AIA issuer over plain HTTP (caIssuers URLs are {@code http:} by design: fetching them
 * over TLS would need the very chain being completed).
 *
 * <p>The exchange goes through {@link PolicyHttp}: the address policy (SSRF guard), no redirects, a
 * timeout and a size cap.
 */
public final class HttpIssuerFetcher implements IssuerFetcher {

  private final PolicyHttp http;
  private final int maxBytes;

  public HttpIssuerFetcher(AddressPolicy policy, Duration timeout, int maxBytes) {
    this.http = new PolicyHttp(policy, timeout);
    this.maxBytes = maxBytes;
  }

  @Override
  public Result fetch(String url) {
    try {
      return parse(http.get(url, "application/pkix-cert, application/pkcs7-mime, */*", maxBytes));
    } catch (PolicyHttp.HttpFailure e) {
      return Result.failed(e.getMessage());
    }
  }

  private static Result parse(byte[] body) {
    try {
      List<byte[]> ders = new ArrayList<>();
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(body))) {
        ders.add(c.getEncoded());
      }
      return ders.isEmpty() ? Result.failed("no certificate in the response") : Result.ok(ders);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Result.failed("response is not a certificate: " + e.getMessage());
    }
  }
}
