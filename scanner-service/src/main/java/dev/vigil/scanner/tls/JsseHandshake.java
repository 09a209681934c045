package dev.vigil.scanner.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS handshake with the JDK's stack over an already connected socket. Trust is not decided here:
 * the handshake accepts any chain so that an expired or untrusted certificate can still be read.
 */
final class JsseHandshake {

  private static final TrustManager[] READ_ANY_CHAIN = {new ReadAnyChain()};

  /**
   * What a completed handshake showed.
   *
   * @param stapledOcsp the OCSP response stapled for the leaf, or null
   */
  record Served(String protocol, List<byte[]> certificates, byte[] stapledOcsp) {}

  private JsseHandshake() {}

  /**
   * @param serverName SNI to send, or {@code null} for none
   * @param protocols the versions to offer, e.g. {@code TLSv1.3}; empty for the JDK's defaults
   */
  static Served handshake(Socket plain, String serverName, int port, String... protocols)
      throws IOException {
    return handshake(plain, serverName, port, null, protocols);
  }

  /**
   * As {@link #handshake(Socket, String, int, String...)}, key exchange limited by {@code groups}
   * (e.g. {@link KeyShareGroups#XDH_ONLY}), or the JDK's full list when it is {@code null}.
   */
  static Served handshake(
      Socket plain, String serverName, int port, KeyShareGroups groups, String... protocols)
      throws IOException {
    SSLContext context;
    try {
      // A fresh context per handshake: a cached session would be resumed and hide a renewed
      // certificate behind the old one.
      context = SSLContext.getInstance("TLS");
      context.init(null, READ_ANY_CHAIN, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no TLS implementation", e);
    }
    // The peer host given here is only a session-cache key; SNI is set explicitly below, so an IP
    // target sends none and a name target sends the name to verify, not the address dialled.
    String peer = serverName != null ? serverName : plain.getInetAddress().getHostAddress();
    SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, peer, port, false);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setServerNames(
        serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
    if (protocols.length > 0) {
      parameters.setProtocols(protocols);
    }
    if (groups != null) {
      parameters.setAlgorithmConstraints(groups);
    }
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    List<byte[]> ders = new ArrayList<>();
    try {
      for (Certificate certificate : tls.getSession().getPeerCertificates()) {
        ders.add(certificate.getEncoded());
      }
    } catch (CertificateEncodingException e) {
      throw new SSLException("served certificate cannot be re-encoded: " + e.getMessage(), e);
    }
    return new Served(tls.getSession().getProtocol(), ders, stapledResponse(tls));
  }

  /**
   * The leaf's stapled OCSP response. The JDK client sends status_request by default ({@code
   * jdk.tls.client.enableStatusRequestExtension}, true since JDK 9) and, because the trust manager
   * here does not check revocation, hands the response over unverified; the revocation check
   * verifies it.
   */
  private static byte[] stapledResponse(SSLSocket tls) {
    if (tls.getSession() instanceof ExtendedSSLSession extended) {
      List<byte[]> responses = extended.getStatusResponses();
      if (!responses.isEmpty() && responses.get(0) != null && responses.get(0).length > 0) {
        return responses.get(0);
      }
    }
    return null;
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
