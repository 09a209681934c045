package dev.vigil.scanner.peers;

import dev.vigil.scanner.domain.StartTls;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The server side of each STARTTLS dialogue, written from the RFCs (and PostgreSQL's protocol
 * docs), answering what real servers answer, then handing the socket to TLS. Faithful enough that
 * {@code openssl s_client -starttls} talks to it too (see {@code StartTlsPeerTest}).
 */
public final class StartTlsPeer {

  private StartTlsPeer() {}

  /**
   * @param agree whether the server agrees to upgrade; when false it refuses the way a real server
   *     without TLS configured does
   */
  public static LoopbackServer start(StartTls protocol, ServerTls tls, boolean agree) {
    return LoopbackServer.start(
        socket -> {
          if (dialogue(protocol, socket, agree)) {
            tls.handshakeAndWait(socket);
          }
        });
  }

  /** Runs the server's half of the dialogue; true when the client may now start TLS. */
  static boolean dialogue(StartTls protocol, Socket socket, boolean agree) throws IOException {
    Io io = new Io(socket.getInputStream(), socket.getOutputStream());
    return switch (protocol) {
      case NONE -> true;
      case SMTP -> smtp(io, agree);
      case IMAP -> imap(io, agree);
      case POP3 -> pop3(io, agree);
      case FTP -> ftp(io, agree);
      case LDAP -> ldap(socket, agree);
      case POSTGRES -> postgres(socket, agree);
    };
  }

  /** RFC 5321 / 3207. A multi-line greeting, as some MTAs send, exercises reply parsing. */
  private static boolean smtp(Io io, boolean agree) throws IOException {
    io.send("220-mail.vigil.test ESMTP test peer", "220 mail.vigil.test ready");
    while (true) {
      String command = io.read();
      String verb = verb(command);
      switch (verb) {
        case "EHLO" -> {
          if (agree) {
            io.send(
                "250-mail.vigil.test greets " + command.substring(4).trim(),
                "250-PIPELINING",
                "250-SIZE 10240000",
                "250-STARTTLS",
                "250 8BITMIME");
          } else {
            io.send("250-mail.vigil.test greets you", "250-PIPELINING", "250 8BITMIME");
          }
        }
        case "HELO" -> io.send("250 mail.vigil.test");
        case "STARTTLS" -> {
          if (!agree) {
            io.send("502 5.5.1 STARTTLS not available");
            continue;
          }
          io.send("220 2.0.0 Ready to start TLS");
          return true;
        }
        case "QUIT" -> {
          io.send("221 2.0.0 Bye");
          return false;
        }
        default -> io.send("500 5.5.2 unrecognised command");
      }
    }
  }

  /** RFC 9051: tagged commands; CAPABILITY as openssl sends it first. */
  private static boolean imap(Io io, boolean agree) throws IOException {
    io.send("* OK [CAPABILITY IMAP4rev1" + (agree ? " STARTTLS" : "") + "] test peer ready");
    while (true) {
      String[] parts = io.read().split(" ", 3);
      String tag = parts[0];
      String verb = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
      switch (verb) {
        case "CAPABILITY" ->
            io.send(
                "* CAPABILITY IMAP4rev1" + (agree ? " STARTTLS" : ""), tag + " OK CAPABILITY done");
        case "STARTTLS" -> {
          if (!agree) {
            io.send(tag + " BAD STARTTLS not supported");
            continue;
          }
          io.send(tag + " OK Begin TLS negotiation now");
          return true;
        }
        case "LOGOUT" -> {
          io.send("* BYE logging out", tag + " OK LOGOUT done");
          return false;
        }
        default -> io.send(tag + " BAD unknown command");
      }
    }
  }

  /** RFC 1939 / 2595, with CAPA (RFC 2449). */
  private static boolean pop3(Io io, boolean agree) throws IOException {
    io.send("+OK test peer POP3 server ready");
    while (true) {
      switch (verb(io.read())) {
        case "CAPA" -> {
          if (agree) {
            io.send("+OK Capability list follows", "USER", "STLS", ".");
          } else {
            io.send("+OK Capability list follows", "USER", ".");
          }
        }
        case "STLS" -> {
          if (!agree) {
            io.send("-ERR STLS not available");
            continue;
          }
          io.send("+OK Begin TLS negotiation");
          return true;
        }
        case "QUIT" -> {
          io.send("+OK bye");
          return false;
        }
        default -> io.send("-ERR unknown command");
      }
    }
  }

  /** RFC 959 / 2389 (FEAT) / 4217. */
  private static boolean ftp(Io io, boolean agree) throws IOException {
    io.send("220-test peer FTP server", "220 ready");
    while (true) {
      String command = io.read().toUpperCase(Locale.ROOT);
      if (command.equals("FEAT")) {
        if (agree) {
          io.send("211-Features:", " AUTH TLS", " PBSZ", " PROT", "211 End");
        } else {
          io.send("211-Features:", " MDTM", "211 End");
        }
      } else if (command.startsWith("AUTH TLS") || command.startsWith("AUTH SSL")) {
        if (!agree) {
          io.send("504 AUTH TLS not supported");
          continue;
        }
        io.send("234 AUTH TLS successful");
        return true;
      } else if (command.equals("QUIT")) {
        io.send("221 Goodbye");
        return false;
      } else {
        io.send("500 unknown command");
      }
    }
  }

  /** RFC 4511 4.14: one ExtendedRequest in, one ExtendedResponse out. */
  private static boolean ldap(Socket socket, boolean agree) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int tag = in.readUnsignedByte();
    int length = in.readUnsignedByte();
    if (tag != 0x30 || length >= 0x80) {
      return false;
    }
    byte[] body = new byte[length];
    in.readFully(body);
    // body: 02 01 <id> 77 <len> 80 <len> <oid>
    int messageId = body[2];
    String oid = new String(body, 7, body[6], StandardCharsets.US_ASCII);
    if (body[3] != 0x77 || !oid.equals("1.3.6.1.4.1.1466.20037")) {
      return false;
    }
    byte[] diagnostic =
        (agree ? "" : "StartTLS not configured").getBytes(StandardCharsets.US_ASCII);
    byte[] name = oid.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream op = new ByteArrayOutputStream();
    op.write(new byte[] {0x0a, 0x01, (byte) (agree ? 0 : 52)}); // success / unavailable
    op.write(new byte[] {0x04, 0x00}); // matchedDN
    op.write(new byte[] {0x04, (byte) diagnostic.length});
    op.write(diagnostic);
    op.write(new byte[] {(byte) 0x8a, (byte) name.length}); // responseName [10]
    op.write(name);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.write(new byte[] {0x02, 0x01, (byte) messageId, 0x78, (byte) op.size()});
    op.writeTo(message);
    // One write, as real servers do: OpenSSL's client parses whatever its first read returned.
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.write(new byte[] {0x30, (byte) message.size()});
    message.writeTo(whole);
    OutputStream out = socket.getOutputStream();
    out.write(whole.toByteArray());
    out.flush();
    return agree;
  }

  /** PostgreSQL SSLRequest: length 8, code 80877103; answer one byte. */
  private static boolean postgres(Socket socket, boolean agree) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int length = in.readInt();
    int code = in.readInt();
    if (length != 8 || code != 80_877_103) {
      return false;
    }
    socket.getOutputStream().write(agree ? 'S' : 'N');
    socket.getOutputStream().flush();
    return agree;
  }

  private static String verb(String command) {
    int space = command.indexOf(' ');
    return (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  /** Line I/O that reads byte by byte, so the client's first TLS bytes stay unread. */
  private static final class Io {
    private final InputStream in;
    private final OutputStream out;

    Io(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    String read() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("client hung up");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }

    void send(String... lines) throws IOException {
      StringBuilder reply = new StringBuilder();
      for (String line : lines) {
        reply.append(line).append("\r\n");
      }
      out.write(reply.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }
}
