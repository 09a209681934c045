package dev.vigil.scanner.tls;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses certificates, remembering them by their exact bytes. A scanner rescans the same targets
 * every few minutes and mostly gets the same chains back; parsing them again would be most of the
 * cost of an analysis. Bounded: when full it is simply cleared.
 */
public final class ParsedCertificates {

  private final ConcurrentHashMap<ByteBuffer, ParsedCertificate> byEncoding =
      new ConcurrentHashMap<>();
  private final int maxEntries;

  /**
   * @param maxEntries how many certificates to keep; 0 keeps none
   */
  public ParsedCertificates(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  public ParsedCertificates() {
    this(10_000);
  }

  /**
   * @throws CertificateDecoder.CertificateDecodingException when the bytes are no certificate
   */
  ParsedCertificate parse(byte[] der) {
    if (maxEntries <= 0) {
      return ParsedCertificate.parse(der);
    }
    ByteBuffer key = ByteBuffer.wrap(der.clone());
    ParsedCertificate known = byEncoding.get(key);
    if (known != null) {
      return known;
    }
    ParsedCertificate parsed = ParsedCertificate.parse(key.array());
    if (byEncoding.size() >= maxEntries) {
      byEncoding.clear();
    }
    byEncoding.put(key, parsed);
    return parsed;
  }
}
