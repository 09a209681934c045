package dev.vigil.scanner.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A TCP server on a loopback address that gives each connection to a handler on its own thread. */
public final class LoopbackServer implements AutoCloseable {

  /** What the server does with one accepted connection; the socket is closed afterwards. */
  @FunctionalInterface
  public interface Handler {
    void handle(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket serverSocket;
  private final ExecutorService workers;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Handler handler;

  private LoopbackServer(InetAddress address, int port, Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket = new ServerSocket(port, 50, address);
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "test-peer-" + serverSocket.getLocalPort());
              t.setDaemon(true);
              return t;
            });
    workers.execute(this::acceptLoop);
  }

  public static LoopbackServer start(Handler handler) {
    return start(InetAddress.getLoopbackAddress(), 0, handler);
  }

  public static LoopbackServer start(InetAddress address, int port, Handler handler) {
    try {
      return new LoopbackServer(address, port, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        open.add(socket);
        workers.execute(() -> serve(socket));
      } catch (IOException e) {
        if (serverSocket.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      handler.handle(socket);
    } catch (IOException | InterruptedException | RuntimeException ignored) {
      // a scanner hanging up mid-dialogue is normal
    } finally {
      open.remove(socket);
    }
  }
}
