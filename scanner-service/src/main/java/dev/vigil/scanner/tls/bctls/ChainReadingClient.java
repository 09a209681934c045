package dev.vigil.scanner.tls.bctls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A BouncyCastle TLS client that reads the served chain without judging it: it offers exactly the
 * given versions, sends SNI when there is a name, accepts up to 100 certificates, does not check
 * the chain's signature algorithms (a SHA-1 chain is a finding, not a reason to stop) and presents
 * no client certificate. The scan client and the legacy-version client both build on it.
 */
public abstract class ChainReadingClient extends DefaultTlsClient {

  /** Beyond this many certificates BouncyCastle aborts the handshake instead of reading on. */
  private static final int MAX_CHAIN = 100;

  /** A certificate message of 100 ordinary certificates fits; a hostile endless one does not. */
  private static final int MAX_HANDSHAKE_MESSAGE = 256 * 1024;

  private final ProtocolVersion[] versions;
  private final String serverName;
  private final List<byte[]> certificates = new ArrayList<>();

  /**
   * @param versions the versions to offer, latest first
   * @param serverName SNI to send, or {@code null}
   */
  protected ChainReadingClient(TlsCrypto crypto, ProtocolVersion[] versions, String serverName) {
    super(crypto);
    this.versions = versions.clone();
    this.serverName = serverName;
  }

  /** The version the server chose; valid once the handshake has completed. */
  public ProtocolVersion negotiated() {
    return context.getServerVersion();
  }

  /** The certificates as served, in served order, their bytes untouched. */
  public List<byte[]> certificates() {
    return List.copyOf(certificates);
  }

  /** Called once the server's Certificate message has been read, after the chain is kept. */
  protected void served(TlsServerCertificate served) throws IOException {}

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return Arrays.copyOf(versions, versions.length);
  }

  @Override
  protected Vector<ServerName> getSNIServerNames() {
    if (serverName == null) {
      return null;
    }
    Vector<ServerName> names = new Vector<>();
    names.add(new ServerName(NameType.host_name, serverName.getBytes(StandardCharsets.US_ASCII)));
    return names;
  }

  @Override
  public int getMaxCertificateChainLength() {
    return MAX_CHAIN;
  }

  @Override
  public int getMaxHandshakeMessageSize() {
    return MAX_HANDSHAKE_MESSAGE;
  }

  @Override
  public boolean shouldCheckSigAlgOfPeerCerts() {
    return false; // a SHA-1 or MD5 signed chain is a finding, not a reason to stop reading
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate served) throws IOException {
        Certificate chain = served.getCertificate();
        for (int i = 0; i < chain.getLength(); i++) {
          certificates.add(chain.getCertificateAt(i).getEncoded());
        }
        served(served);
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) {
        return null; // no client certificate: a server that demands one fails the handshake
      }
    };
  }
}
