package dev.vigil.scanner.tls.starttls;

import java.io.IOException;
import java.net.Socket;

/**
 * The plain-text exchange that asks a server to switch a connection to TLS. When {@link #upgrade}
 * returns, the next byte on the socket belongs to the TLS handshake: implementations read the
 * server's replies byte by byte and never buffer past them.
 */
public interface StartTlsDialogue {

  /**
   * @param socket connected socket, with the read timeout already set
   * @param serverName the name the client is trying to reach (for greetings that want one), or
   *     {@code null}
   * @throws StartTlsException when the server refuses or does not speak the protocol
   * @throws java.net.SocketTimeoutException when the server stops answering
   */
  void upgrade(Socket socket, String serverName) throws IOException;
}
