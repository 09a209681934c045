package dev.vigil.scanner.domain;

import java.util.List;

/**
 * The revocation answers gathered for one served certificate, in the order they were asked (stapled
 * response, OCSP responders, CRLs). Empty when the certificate names no OCSP responder and no CRL
 * and nothing was stapled: then nothing can be said, and nothing is reported.
 *
 * @param position the certificate's position in the served chain (0 = leaf)
 */
public record CertificateRevocation(int position, List<RevocationAnswer> answers) {

  public CertificateRevocation {
    answers = List.copyOf(answers);
  }
}
