package dev.vigil.infra.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A real TLS server on a loopback port that completes handshakes with whatever certificate it
 * currently holds. {@link #serve} swaps the certificate without changing the port, as a renewal
 * deployed behind the same address would.
 */
public final class LocalTlsEndpoint implements AutoCloseable {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final AtomicReference<KeyMaterial> current;
  private final SSLServerSocket serverSocket;
  private final ExecutorService workers;

  private LocalTlsEndpoint(KeyMaterial initial) throws IOException, GeneralSecurityException {
    this(initial, InetAddress.getLoopbackAddress(), 0);
  }

  private LocalTlsEndpoint(KeyMaterial initial, InetAddress bindAddress, int port)
      throws IOException, GeneralSecurityException {
    this.current = new AtomicReference<>(initial);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new javax.net.ssl.KeyManager[] {new SwappableKeyManager()}, null, null);
    // No session cache: every handshake must present the current certificate.
    context.getServerSessionContext().setSessionCacheSize(1);
    context.getServerSessionContext().setSessionTimeout(1);
    this.serverSocket =
        (SSLServerSocket)
            context.getServerSocketFactory().createServerSocket(port, 50, bindAddress);
    this.workers = Executors.newCachedThreadPool(r -> daemon(r, "tls-endpoint-worker"));
    Thread acceptor = daemon(this::acceptLoop, "tls-endpoint-" + port());
    acceptor.start();
  }

  /** Starts serving {@code material} on a free loopback port. */
  public static LocalTlsEndpoint start(KeyMaterial material) {
    try {
      return new LocalTlsEndpoint(material);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts serving {@code material} on {@code address} (e.g. {@code ::1} or {@code 127.0.0.2}), on
   * {@code port} or a free port when it is 0. Two endpoints on one port and two addresses behave
   * like two nodes behind one name.
   */
  public static LocalTlsEndpoint start(KeyMaterial material, InetAddress address, int port) {
    try {
      return new LocalTlsEndpoint(material, address, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** From now on, handshakes present {@code material}. */
  public void serve(KeyMaterial material) {
    current.set(material);
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        workers.execute(() -> handshakeAndClose((SSLSocket) socket));
      } catch (IOException e) {
        if (serverSocket.isClosed()) {
          return;
        }
      }
    }
  }

  private static void handshakeAndClose(SSLSocket socket) {
    try (socket) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      // Wait for the client to hang up (or time out) so it can read the whole handshake.
      socket.getInputStream().read();
    } catch (IOException ignored) {
      // clients that abort the handshake are normal for a scanner target
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Presents whichever key material is current at handshake time. */
  private final class SwappableKeyManager extends X509ExtendedKeyManager {

    private X509KeyManager delegate() {
      KeyMaterial material = current.get();
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
        return (X509KeyManager) kmf.getKeyManagers()[0];
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String chooseEngineServerAlias(
        String keyType, Principal[] issuers, javax.net.ssl.SSLEngine engine) {
      return "server";
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return "server";
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return current.get().chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return current.get().privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[] {"server"};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
