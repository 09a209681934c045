package dev.vigil.scanner.tls.bctls;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * A full TLS 1.3 / 1.2 handshake with BouncyCastle's TLS API over an already connected socket: the
 * scanner's default way to read a served chain. It costs a fraction of the JDK 17 client's CPU
 * (X25519 in BouncyCastle's field arithmetic rather than the JDK's generic one, one key share, no
 * {@code SSLContext}), see {@code bench/RESULTS.md}. Like the JDK path it reads the chain without
 * trusting it, asks for a stapled OCSP response and never resumes a session.
 */
public final class BcTlsHandshake {

  /** What the scanner offers by default, by the JDK's names. */
  public static final List<String> MODERN = List.of("TLSv1.2", "TLSv1.3");

  /** Stateless apart from the random source, and thread-safe: shared by every handshake. */
  private static final ServedCrypto CRYPTO = new ServedCrypto(new SecureRandom());

  /**
   * What a completed handshake showed.
   *
   * @param certificates the served chain in the order served, DER
   * @param stapledOcsp the DER OCSP response stapled for the leaf, or null
   */
  public record Served(String protocol, List<byte[]> certificates, byte[] stapledOcsp) {}

  private BcTlsHandshake() {}

  /**
   * @param serverName SNI to send, or {@code null} for none
   * @param versions JDK names of the versions to offer, among {@code TLSv1.2} and {@code TLSv1.3}
   * @throws IOException when the handshake fails: {@link dev.vigil.scanner.tls.NotTlsException} for
   *     a peer that does not speak TLS, an {@code SSLHandshakeException} or BouncyCastle's fatal
   *     alert for one that does but refuses or breaks the handshake
   */
  public static Served handshake(Socket plain, String serverName, List<String> versions)
      throws IOException {
    ScanClient client = new ScanClient(CRYPTO, toBc(versions), serverName);
    TlsClientProtocol protocol =
        new TlsClientProtocol(new HandshakeInput(plain.getInputStream()), plain.getOutputStream());
    try {
      protocol.connect(client); // blocking mode: returns once the handshake has completed
    } catch (EOFException e) {
      // The JDK calls this a handshake failure too ("Remote host terminated the handshake").
      throw new SSLHandshakeException("the server closed the connection during the handshake");
    } catch (RuntimeException e) {
      // A peer must never be able to crash a scan worker: whatever it sent, it is a failed
      // handshake (BouncyCastle turns most of these into an internal_error alert already).
      SSLHandshakeException failed = new SSLHandshakeException("handshake failed: " + e);
      failed.initCause(e);
      throw failed;
    }
    return new Served(jdkName(client.negotiated()), client.certificates(), client.stapledOcsp());
  }

  /**
   * Offers {@code version} alone.
   *
   * @return the negotiated version's JDK name, or null when the server refused the version (a
   *     {@code protocol_version} alert either way: it sent one, or it answered with another
   *     version)
   * @throws IOException when the handshake failed for another reason
   */
  public static String negotiatedOrRefused(Socket plain, String serverName, String version)
      throws IOException {
    try {
      return handshake(plain, serverName, List.of(version)).protocol();
    } catch (TlsFatalAlert e) {
      if (e.getAlertDescription() == AlertDescription.protocol_version) {
        return null;
      }
      throw e;
    } catch (TlsFatalAlertReceived e) {
      if (e.getAlertDescription() == AlertDescription.protocol_version) {
        return null;
      }
      throw e;
    }
  }

  private static ProtocolVersion[] toBc(List<String> versions) {
    // BouncyCastle wants the latest first.
    if (versions.contains("TLSv1.3") && versions.contains("TLSv1.2") && versions.size() == 2) {
      return new ProtocolVersion[] {ProtocolVersion.TLSv13, ProtocolVersion.TLSv12};
    }
    if (versions.equals(List.of("TLSv1.3"))) {
      return new ProtocolVersion[] {ProtocolVersion.TLSv13};
    }
    if (versions.equals(List.of("TLSv1.2"))) {
      return new ProtocolVersion[] {ProtocolVersion.TLSv12};
    }
    throw new IllegalArgumentException("offers TLSv1.2 and TLSv1.3 only, not " + versions);
  }

  private static String jdkName(ProtocolVersion version) {
    if (ProtocolVersion.TLSv13.equals(version)) {
      return "TLSv1.3";
    }
    if (ProtocolVersion.TLSv12.equals(version)) {
      return "TLSv1.2";
    }
    return String.valueOf(version);
  }
}
