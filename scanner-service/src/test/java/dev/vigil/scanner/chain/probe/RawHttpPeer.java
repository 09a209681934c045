package dev.vigil.scanner.chain.probe;

import dev.vigil.scanner.peers.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 peer on loopback that writes whatever bytes a test gives it, for answers the JDK's
 * server would never produce (garbage status lines, absurd chunk sizes, endless headers). It reads
 * each request (head and {@code Content-Length} body), records it, and keeps the connection for the
 * next request while the answer says so. Optionally TLS, recording the SNI name the client sent.
 */
final class RawHttpPeer implements AutoCloseable {

  /** Answers one request on a connection; returns false to close the connection afterwards. */
  @FunctionalInterface
  interface Answer {
    boolean answer(String requestHead, OutputStream out, Socket socket)
        throws IOException, InterruptedException;
  }

  final AtomicInteger connections = new AtomicInteger();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> serverNames = new CopyOnWriteArrayList<>();
  private final LoopbackServer server;
  private final boolean tls;

  private RawHttpPeer(Answer answer, SSLContext tlsContext) {
    this.tls = tlsContext != null;
    this.server =
        LoopbackServer.start(
            plain -> {
              connections.incrementAndGet();
              Socket socket = tlsContext == null ? plain : handshake(tlsContext, plain);
              InputStream in = socket.getInputStream();
              OutputStream out = socket.getOutputStream();
              while (true) {
                String head = readHead(in);
                if (head == null) {
                  return;
                }
                long length = contentLength(head);
                if (length > 0) {
                  in.skipNBytes(length);
                }
                requests.add(head);
                boolean keep = answer.answer(head, out, socket);
                out.flush();
                if (!keep) {
                  return;
                }
              }
            });
  }

  static RawHttpPeer start(Answer answer) {
    return new RawHttpPeer(answer, null);
  }

  static RawHttpPeer tls(SSLContext serverContext, Answer answer) {
    return new RawHttpPeer(answer, serverContext);
  }

  /** Answers every request with these bytes, keeping the connection. */
  static RawHttpPeer fixed(String response) {
    return start(
        (head, out, socket) -> {
          out.write(response.getBytes(StandardCharsets.ISO_8859_1));
          return true;
        });
  }

  /** Answers every request with these bytes and then closes the connection. */
  static RawHttpPeer once(String response) {
    return start(
        (head, out, socket) -> {
          out.write(response.getBytes(StandardCharsets.ISO_8859_1));
          return false;
        });
  }

  static String ok(String body, UnaryOperator<String> extraHeaders) {
    return "HTTP/1.1 200 OK\r\n"
        + extraHeaders.apply("Content-Length: " + body.length() + "\r\n")
        + "\r\n"
        + body;
  }

  int port() {
    return server.port();
  }

  URI uri(String host) {
    return URI.create((tls ? "https://" : "http://") + host + ":" + port() + "/rpc");
  }

  URI uri() {
    return uri("127.0.0.1");
  }

  private Socket handshake(SSLContext context, Socket plain) throws IOException {
    SSLSocket secure =
        (SSLSocket) context.getSocketFactory().createSocket(plain, (InputStream) null, true);
    secure.setUseClientMode(false);
    secure.startHandshake();
    List<SNIServerName> names =
        ((ExtendedSSLSession) secure.getSession()).getRequestedServerNames();
    serverNames.add(names.isEmpty() ? "" : ((SNIHostName) names.get(0)).getAsciiName());
    return secure;
  }

  /** The request head up to the blank line, or null when the client closed the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    server.close();
  }
}
