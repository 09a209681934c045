package dev.vigil.scanner.tls.starttls;

import java.io.IOException;
import java.net.Socket;

/** RFC 2595 4: {@code +OK} greeting, {@code STLS}, {@code +OK}. */
final class Pop3StartTls implements StartTlsDialogue {

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    Lines lines = new Lines(socket.getInputStream(), socket.getOutputStream(), "POP3");
    String greeting = lines.read();
    if (!greeting.startsWith("+OK")) {
      throw new StartTlsException("POP3 greeting is not +OK: " + Lines.shown(greeting));
    }
    lines.write("STLS");
    String answer = lines.read();
    if (!answer.startsWith("+OK")) {
      throw new StartTlsException("POP3 server refused STLS: " + Lines.shown(answer));
    }
  }
}
