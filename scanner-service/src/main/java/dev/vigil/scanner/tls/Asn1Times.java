package dev.vigil.scanner.tls;

import java.time.Instant;
import org.bouncycastle.asn1.x509.Time;

/** ASN.1 times read fast, for the sub-packages (a large CRL holds hundreds of thousands). */
public final class Asn1Times {

  private Asn1Times() {}

  /** As {@link ParsedCertificate#instant(Time)}: RFC 5280 times by hand, others by BouncyCastle. */
  public static Instant instant(Time time) {
    return ParsedCertificate.instant(time);
  }
}
