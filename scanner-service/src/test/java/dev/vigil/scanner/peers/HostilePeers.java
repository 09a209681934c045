package dev.vigil.scanner.peers;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/** Servers that misbehave the ways real endpoints do, each on a loopback port. */
public final class HostilePeers {

  private static final SecureRandom RANDOM = new SecureRandom();

  private HostilePeers() {}

  /** Accepts the connection and reads, but never says a word. */
  public static LoopbackServer silent() {
    return LoopbackServer.start(
        socket -> {
          InputStream in = socket.getInputStream();
          while (in.read() >= 0) {
            // swallow the ClientHello and wait for the client to give up
          }
        });
  }

  /** Answers with random bytes, without end. */
  public static LoopbackServer endlessGarbage() {
    return LoopbackServer.start(
        socket -> {
          OutputStream out = socket.getOutputStream();
          byte[] chunk = new byte[8192];
          while (true) {
            RANDOM.nextBytes(chunk);
            out.write(chunk); // fails once the client hangs up
          }
        });
  }

  /** An HTTP server: the ClientHello is a bad request. */
  public static LoopbackServer http() {
    return LoopbackServer.start(
        socket -> {
          socket.getInputStream().read(new byte[1024]);
          OutputStream out = socket.getOutputStream();
          out.write(
              ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
                      + "Connection: close\r\n\r\nBad Request")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        });
  }

  /**
   * Starts a plausible TLS record (handshake, TLS 1.2, 16 KiB long) and then trickles one byte per
   * {@code every}: each read completes well inside a read timeout, but the handshake never does.
   */
  public static LoopbackServer slowLoris(Duration every) {
    return LoopbackServer.start(
        socket -> {
          socket.getInputStream().read(new byte[1024]);
          OutputStream out = socket.getOutputStream();
          out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02});
          out.flush();
          while (true) {
            // Pacing is the behaviour under test here, not a wait in a test.
            Thread.sleep(every.toMillis());
            out.write(0x00);
            out.flush();
          }
        });
  }

  /**
   * A TLS 1.2 ServerHello followed by a Certificate message whose only certificate is random bytes
   * wrapped in a DER SEQUENCE header: well-formed TLS, garbage X.509.
   */
  public static LoopbackServer garbageCertificate() {
    return LoopbackServer.start(
        socket -> {
          readRecord(socket.getInputStream());
          byte[] serverHello = new byte[38];
          serverHello[0] = 0x03;
          serverHello[1] = 0x03;
          byte[] random = new byte[32];
          RANDOM.nextBytes(random);
          System.arraycopy(random, 0, serverHello, 2, 32);
          serverHello[34] = 0x00; // no session id
          serverHello[35] = (byte) 0xc0; // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
          serverHello[36] = 0x2b;
          serverHello[37] = 0x00; // no compression
          byte[] garbage = new byte[300];
          RANDOM.nextBytes(garbage);
          garbage[0] = 0x30;
          garbage[1] = (byte) 0x82;
          garbage[2] = 0x01;
          garbage[3] = 0x28;
          ByteArrayOutputStream certificates = new ByteArrayOutputStream();
          writeLength3(certificates, garbage.length + 3);
          writeLength3(certificates, garbage.length);
          certificates.write(garbage);
          ByteArrayOutputStream handshake = new ByteArrayOutputStream();
          handshake.write(0x02);
          writeLength3(handshake, serverHello.length);
          handshake.write(serverHello);
          handshake.write(0x0b);
          writeLength3(handshake, certificates.size());
          certificates.writeTo(handshake);
          OutputStream out = socket.getOutputStream();
          out.write(new byte[] {0x16, 0x03, 0x03});
          out.write(handshake.size() >> 8);
          out.write(handshake.size() & 0xff);
          handshake.writeTo(out);
          out.flush();
          socket.getInputStream().read();
        });
  }

  private static void readRecord(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    in.readFully(new byte[3]);
    int length = in.readUnsignedShort();
    in.readFully(new byte[length]);
  }

  private static void writeLength3(ByteArrayOutputStream out, int length) {
    out.write(length >> 16);
    out.write((length >> 8) & 0xff);
    out.write(length & 0xff);
  }
}
