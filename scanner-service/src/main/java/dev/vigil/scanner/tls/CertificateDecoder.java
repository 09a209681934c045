package dev.vigil.scanner.tls;

import dev.vigil.scanner.domain.CertificateFacts;

/**
 * Reads the facts Vigil needs from one DER-encoded certificate. The only door to the crypto
 * library: everything past it works on {@link CertificateFacts}.
 */
public interface CertificateDecoder {

  /**
   * @throws CertificateDecodingException when the bytes are not a certificate Vigil can read
   */
  CertificateFacts decode(byte[] der);

  /** The bytes were not a readable X.509 certificate. */
  class CertificateDecodingException extends RuntimeException {
    public CertificateDecodingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
