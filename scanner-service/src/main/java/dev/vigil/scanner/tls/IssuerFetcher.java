package dev.vigil.scanner.tls;

import java.util.List;

/**
 * Fetches the certificate(s) an AIA caIssuers URL points at. Network I/O, so it sits behind this
 * interface and the verifier can be tested without it.
 */
public interface IssuerFetcher {

  /** Never throws for network or content trouble: that is a {@link Result#failed} result. */
  Result fetch(String url);

  /**
   * @param certificates DER certificates found at the URL (a DER or PEM certificate, or a PKCS#7
   *     bundle)
   * @param failure why nothing usable came back, or null
   */
  record Result(List<byte[]> certificates, String failure) {

    public Result {
      certificates = List.copyOf(certificates);
    }

    public static Result ok(List<byte[]> certificates) {
      return new Result(certificates, null);
    }

    public static Result failed(String why) {
      return new Result(List.of(), why);
    }
  }
}
