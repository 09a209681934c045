package dev.vigil.scanner.tls.starttls;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;

/**
 * PostgreSQL protocol 53.2.10: an SSLRequest (length 8, code 80877103) answered by one byte, {@code
 * S} to go ahead or {@code N} to refuse. Exactly one byte is read: anything the server sent after
 * it before the handshake would be unencrypted data a client must not accept (CVE-2021-23214).
 */
final class PostgresStartTls implements StartTlsDialogue {

  static final int SSL_REQUEST_CODE = 80_877_103;

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(8);
    out.writeInt(SSL_REQUEST_CODE);
    out.flush();
    int answer = socket.getInputStream().read();
    if (answer < 0) {
      throw new EOFException("PostgreSQL server closed the connection");
    }
    if (answer == 'N') {
      throw new StartTlsException("PostgreSQL server does not accept SSL (answered N)");
    }
    if (answer != 'S') {
      // 'E' is an error message from a server too old to know SSLRequest.
      throw new StartTlsException(
          "PostgreSQL server answered SSLRequest with 0x" + Integer.toHexString(answer));
    }
  }
}
