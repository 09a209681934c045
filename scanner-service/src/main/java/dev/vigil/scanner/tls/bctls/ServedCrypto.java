package dev.vigil.scanner.tls.bctls;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's lightweight TLS crypto, except that a server's certificate keeps the bytes it was
 * served in. {@code BcTlsCertificate.getEncoded()} re-encodes the parsed certificate as DER, which
 * would change the fingerprint of a certificate that was not served in strict DER and cost a
 * re-encoding per certificate; the scanner reports certificates exactly as served.
 */
final class ServedCrypto extends BcTlsCrypto {

  ServedCrypto(SecureRandom random) {
    super(random);
  }

  @Override
  public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
    if (type == CertificateType.X509) {
      return new ServedCertificate(this, encoding);
    }
    return super.createCertificate(type, encoding);
  }

  /** A parsed certificate that answers {@link #getEncoded()} with the bytes served. */
  private static final class ServedCertificate extends BcTlsCertificate {

    private final byte[] served;

    ServedCertificate(BcTlsCrypto crypto, byte[] served) throws IOException {
      super(crypto, served);
      this.served = served;
    }

    @Override
    public byte[] getEncoded() {
      return served.clone();
    }
  }
}
