package dev.vigil.scanner.tls.starttls;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** RFC 3207: 220 greeting, {@code EHLO}, STARTTLS among the 250 lines, {@code STARTTLS}, 220. */
final class SmtpStartTls implements StartTlsDialogue {

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    Lines lines = new Lines(socket.getInputStream(), socket.getOutputStream(), "SMTP");
    expect(lines, "220", "greeting");
    lines.write("EHLO " + addressLiteral(socket.getLocalAddress()));
    List<String> capabilities = expect(lines, "250", "EHLO");
    boolean offered =
        capabilities.stream()
            .map(c -> c.trim().toUpperCase(Locale.ROOT))
            .anyMatch(c -> c.equals("STARTTLS") || c.startsWith("STARTTLS "));
    if (!offered) {
      throw new StartTlsException("SMTP server does not offer STARTTLS");
    }
    lines.write("STARTTLS");
    expect(lines, "220", "STARTTLS");
  }

  /**
   * Reads one reply, which may span lines ({@code 250-...} continued, {@code 250 ...} last), and
   * returns the text of each line.
   */
  static List<String> expect(Lines lines, String code, String step) throws IOException {
    List<String> texts = new ArrayList<>();
    while (true) {
      String line = lines.read();
      if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
        throw new StartTlsException("not an SMTP reply to " + step + ": " + Lines.shown(line));
      }
      if (!line.startsWith(code)) {
        throw new StartTlsException("SMTP server refused " + step + ": " + Lines.shown(line));
      }
      texts.add(line.length() > 4 ? line.substring(4) : "");
      if (line.length() == 3 || line.charAt(3) != '-') {
        return texts;
      }
    }
  }

  /** RFC 5321 4.1.3: a client without a name of its own greets with its address literal. */
  private static String addressLiteral(InetAddress local) {
    return local instanceof Inet6Address
        ? "[IPv6:" + local.getHostAddress().replaceAll("%.*$", "") + "]"
        : "[" + local.getHostAddress() + "]";
  }
}
