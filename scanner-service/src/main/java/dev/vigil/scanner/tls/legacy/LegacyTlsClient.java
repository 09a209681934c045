package dev.vigil.scanner.tls.legacy;

import dev.vigil.scanner.tls.bctls.ChainReadingClient;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A TLS client on BouncyCastle's own TLS API, for what the JDK will not do: offer TLS 1.0 and 1.1
 * (disabled in the JDK's {@code jdk.tls.disabledAlgorithms}) and read chains longer than the JDK's
 * {@code jdk.tls.maxCertificateChainLength} of 10. Like the JDK path it accepts any server chain:
 * it reads certificates, it does not trust them.
 */
public final class LegacyTlsClient {

  /** TLS versions by their JDK names, oldest first. */
  public static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private static final List<ProtocolVersion> BC_VERSIONS =
      List.of(
          ProtocolVersion.TLSv10,
          ProtocolVersion.TLSv11,
          ProtocolVersion.TLSv12,
          ProtocolVersion.TLSv13);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a completed handshake showed. */
  public record Handshake(String protocol, List<byte[]> certificates) {}

  private LegacyTlsClient() {}

  /**
   * Runs one handshake over the connected socket.
   *
   * @param versions JDK names of the versions to offer (see {@link #VERSIONS})
   * @param serverName SNI to send, or {@code null}
   * @throws IOException when the handshake fails, e.g. a {@code protocol_version} alert when the
   *     server accepts none of {@code versions}
   */
  public static Handshake handshake(Socket plain, List<String> versions, String serverName)
      throws IOException {
    ReadingClient client = new ReadingClient(toBc(versions), serverName);
    TlsClientProtocol protocol =
        new TlsClientProtocol(plain.getInputStream(), plain.getOutputStream());
    protocol.connect(client); // blocking mode: returns once the handshake has completed
    return new Handshake(jdkName(client.negotiated()), client.certificates());
  }

  /** BouncyCastle wants the versions latest first. */
  private static ProtocolVersion[] toBc(List<String> versions) {
    List<ProtocolVersion> out = new ArrayList<>();
    for (int i = VERSIONS.size() - 1; i >= 0; i--) {
      if (versions.contains(VERSIONS.get(i))) {
        out.add(BC_VERSIONS.get(i));
      }
    }
    if (out.size() != versions.size()) {
      throw new IllegalArgumentException("unknown TLS version among " + versions);
    }
    return out.toArray(ProtocolVersion[]::new);
  }

  private static String jdkName(ProtocolVersion version) {
    int i = BC_VERSIONS.indexOf(version);
    return i >= 0 ? VERSIONS.get(i) : String.valueOf(version);
  }

  /** Offers exactly the given versions and keeps the served chain. */
  private static final class ReadingClient extends ChainReadingClient {

    ReadingClient(ProtocolVersion[] versions, String serverName) {
      super(new BcTlsCrypto(RANDOM), versions, serverName);
    }
  }
}
