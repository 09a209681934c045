package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.AddressPolicy;
import dev.vigil.scanner.domain.TargetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads a served chain with the JDK's TLS stack. Trust is not decided here: the handshake accepts
 * any chain so that an expired or untrusted certificate can still be read and reported.
 */
@ApplicationScoped
public class JsseTlsChainFetcher implements TlsChainFetcher {

  private static final TrustManager[] READ_ANY_CHAIN = {new ReadAnyChain()};

  private final AddressPolicy policy;
  private final ScannerConfig config;

  public JsseTlsChainFetcher(AddressPolicy policy, ScannerConfig config) {
    this.policy = policy;
    this.config = config;
  }

  @Override
  public FetchedChain fetch(TargetSpec target) {
    InetAddress address;
    try {
      address = InetAddress.getByName(target.host());
    } catch (UnknownHostException e) {
      return FetchedChain.failed(UnreachableReason.DNS, null, "cannot resolve " + target.host());
    }
    String shown = address.getHostAddress();
    Optional<String> refused = policy.checkAddress(address.getAddress(), shown);
    if (refused.isPresent()) {
      return FetchedChain.failed(UnreachableReason.DENIED_BY_POLICY, shown, refused.get());
    }
    try (Socket plain = new Socket()) {
      int handshakeMillis = (int) config.handshakeTimeout().toMillis();
      plain.setSoTimeout(handshakeMillis);
      plain.connect(
          new InetSocketAddress(address, target.port()), (int) config.connectTimeout().toMillis());
      // A fresh context per scan: a cached session would be resumed and hide a renewed
      // certificate behind the old one.
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, READ_ANY_CHAIN, null);
      try (SSLSocket tls =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, target.host(), target.port(), false)) {
        SSLParameters parameters = tls.getSSLParameters();
        String sni = target.effectiveServerName();
        if (sni != null) {
          parameters.setServerNames(List.of(new SNIHostName(sni)));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        List<byte[]> ders = new ArrayList<>();
        for (Certificate certificate : tls.getSession().getPeerCertificates()) {
          ders.add(certificate.getEncoded());
        }
        return FetchedChain.served(ders, tls.getSession().getProtocol(), shown);
      }
    } catch (SocketTimeoutException e) {
      return FetchedChain.failed(UnreachableReason.TIMEOUT, shown, "timed out: " + e.getMessage());
    } catch (ConnectException | NoRouteToHostException e) {
      return FetchedChain.failed(UnreachableReason.REFUSED, shown, e.getMessage());
    } catch (SSLHandshakeException e) {
      return FetchedChain.failed(UnreachableReason.HANDSHAKE_FAILURE, shown, e.getMessage());
    } catch (SSLException e) {
      // "Unsupported or unrecognized SSL message": the peer spoke something other than TLS.
      return FetchedChain.failed(UnreachableReason.NOT_TLS, shown, e.getMessage());
    } catch (IOException | CertificateEncodingException e) {
      return FetchedChain.failed(UnreachableReason.IO_ERROR, shown, e.toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS implementation", e);
    }
  }

  /**
   * Accepts any chain: the scanner reports on certificates, it does not trust them. Extended, so
   * the JDK does not wrap it with its own hostname and algorithm checks, which would abort the
   * handshake before a weak or mismatched certificate could be read.
   */
  private static final class ReadAnyChain extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
