package dev.vigil.scanner.tls.starttls;

import java.io.IOException;
import java.net.Socket;

/** RFC 4217 4: 220 greeting (after an optional 120), {@code AUTH TLS}, 234. */
final class FtpStartTls implements StartTlsDialogue {

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    Lines lines = new Lines(socket.getInputStream(), socket.getOutputStream(), "FTP");
    String greeting = reply(lines, "greeting");
    if (greeting.startsWith("120")) {
      // RFC 959: "service ready in nnn minutes", followed by the real 220 when ready.
      greeting = reply(lines, "greeting");
    }
    if (!greeting.startsWith("220")) {
      throw new StartTlsException("FTP greeting is not 220: " + Lines.shown(greeting));
    }
    lines.write("AUTH TLS");
    String answer = reply(lines, "AUTH TLS");
    if (!answer.startsWith("234")) {
      throw new StartTlsException("FTP server refused AUTH TLS: " + Lines.shown(answer));
    }
  }

  /**
   * One reply: {@code 220-text} opens a multi-line reply that ends with a line starting with the
   * same code and a space (RFC 959 4.2); returns the last line.
   */
  private static String reply(Lines lines, String step) throws IOException {
    String first = lines.read();
    if (first.length() < 3 || !first.substring(0, 3).chars().allMatch(Character::isDigit)) {
      throw new StartTlsException("not an FTP reply to " + step + ": " + Lines.shown(first));
    }
    if (first.length() == 3 || first.charAt(3) != '-') {
      return first;
    }
    String end = first.substring(0, 3) + " ";
    for (String line = lines.read(); ; line = lines.read()) {
      if (line.startsWith(end) || line.equals(end.trim())) {
        return line;
      }
    }
  }
}
