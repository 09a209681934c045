package dev.vigil.scanner.tls.starttls;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;

/** RFC 9051 6.2.1: {@code * OK} greeting, {@code a001 STARTTLS}, {@code a001 OK}. */
final class ImapStartTls implements StartTlsDialogue {

  private static final String TAG = "a001";

  @Override
  public void upgrade(Socket socket, String serverName) throws IOException {
    Lines lines = new Lines(socket.getInputStream(), socket.getOutputStream(), "IMAP");
    String greeting = lines.read();
    if (!upper(greeting).startsWith("* OK")) {
      // PREAUTH forbids STARTTLS; BYE means go away; anything else is not IMAP.
      throw new StartTlsException("IMAP greeting is not * OK: " + Lines.shown(greeting));
    }
    lines.write(TAG + " STARTTLS");
    while (true) {
      String line = lines.read();
      if (line.startsWith("* ")) {
        continue; // untagged data (e.g. a CAPABILITY line) may precede the tagged answer
      }
      if (upper(line).startsWith(upper(TAG) + " OK")) {
        return;
      }
      throw new StartTlsException("IMAP server refused STARTTLS: " + Lines.shown(line));
    }
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
