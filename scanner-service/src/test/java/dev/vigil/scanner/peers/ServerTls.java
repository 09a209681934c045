package dev.vigil.scanner.peers;

import dev.vigil.infra.tls.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** The server half of a TLS handshake on an accepted (possibly already talked-over) socket. */
public final class ServerTls {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final SSLContext context;
  private final String[] protocols;

  /**
   * @param protocols versions to accept, e.g. {@code TLSv1.3}; none for the JDK's defaults
   */
  public ServerTls(KeyMaterial material, String... protocols) {
    this.protocols = protocols;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          material.privateKey(),
          PASSWORD,
          material.chain().toArray(new X509Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, PASSWORD);
      context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Layers TLS over {@code plain} in server mode, completes the handshake and waits for the client
   * to hang up, so that it can read the whole handshake.
   */
  public void handshakeAndWait(Socket plain) throws IOException {
    // The (socket, consumed, autoClose) form makes a server-side socket.
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(plain, (InputStream) null, true);
    tls.setUseClientMode(false);
    if (protocols.length > 0) {
      tls.setEnabledProtocols(protocols);
    }
    tls.startHandshake();
    tls.getInputStream().read();
  }

  /** A direct-TLS server (no STARTTLS) on loopback. */
  public LoopbackServer serve() {
    return LoopbackServer.start(this::handshakeAndWait);
  }
}
