package dev.vigil.scanner.tls.bctls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The scanner's BouncyCastle TLS client: offers what the JDK 17 client offers (groups, suites, OCSP
 * status request), puts one X25519 key share in the ClientHello (a server that wants another group
 * asks for it with a HelloRetryRequest, in the same connection), and keeps the served chain and
 * stapled OCSP response without judging them.
 */
final class ScanClient extends ChainReadingClient {

  /**
   * The JDK 17 client's named groups, X25519 first. Only X25519 gets an early key share
   * (BouncyCastle's default): almost every server picks it, and the others cost a round trip.
   */
  private static final int[] GROUPS = {
    NamedGroup.x25519,
    NamedGroup.secp256r1,
    NamedGroup.secp384r1,
    NamedGroup.secp521r1,
    NamedGroup.x448,
    NamedGroup.ffdhe2048,
    NamedGroup.ffdhe3072,
    NamedGroup.ffdhe4096,
    NamedGroup.ffdhe6144,
    NamedGroup.ffdhe8192,
  };

  /**
   * About the JDK 17 client's suites, so a server that the JDK could read is not refused here.
   * ChaCha20 first in TLS 1.3: in pure Java it is cheaper than AES-GCM, and OpenSSL servers follow
   * the client's order there.
   */
  private static final int[] SUITES = {
    CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_AES_128_GCM_SHA256,
    CipherSuite.TLS_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256,
    CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
  };

  private byte[] stapledOcsp;

  ScanClient(TlsCrypto crypto, ProtocolVersion[] versions, String serverName) {
    super(crypto, versions, serverName);
  }

  byte[] stapledOcsp() {
    return stapledOcsp;
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected Vector getSupportedGroups(Vector namedGroupRoles) {
    Vector groups = new Vector();
    TlsUtils.addIfSupported(groups, getCrypto(), GROUPS);
    return groups;
  }

  @Override
  protected void served(TlsServerCertificate served) throws IOException {
    stapledOcsp = stapled(served);
  }

  /**
   * TLS 1.2 staples in a CertificateStatus message, which BouncyCastle has parsed; TLS 1.3 in the
   * status_request extension of the leaf's certificate entry, which it leaves to the caller.
   */
  private static byte[] stapled(TlsServerCertificate served) throws IOException {
    CertificateStatus status = served.getCertificateStatus();
    if (status != null && status.getStatusType() == CertificateStatusType.ocsp) {
      return status.getOCSPResponse().getEncoded(ASN1Encoding.DER);
    }
    Certificate chain = served.getCertificate();
    CertificateEntry[] entries = chain.getCertificateEntryList();
    if (entries == null || entries.length == 0) {
      return null;
    }
    Hashtable<?, ?> extensions = entries[0].getExtensions();
    Object data = extensions == null ? null : extensions.get(TlsExtensionsUtils.EXT_status_request);
    return data instanceof byte[] bytes ? ocspResponse(bytes) : null;
  }

  /** {@code struct { CertificateStatusType status_type; opaque OCSPResponse<1..2^24-1>; }}. */
  static byte[] ocspResponse(byte[] status) {
    if (status.length < 5 || status[0] != CertificateStatusType.ocsp) {
      return null;
    }
    int length = (status[1] & 0xFF) << 16 | (status[2] & 0xFF) << 8 | (status[3] & 0xFF);
    return length == status.length - 4 ? Arrays.copyOfRange(status, 4, status.length) : null;
  }
}
