package dev.vigil.scanner.tls;

import dev.vigil.scanner.config.ScannerConfig;
import dev.vigil.scanner.domain.TargetSpec;
import dev.vigil.scanner.tls.starttls.StartTlsDialogues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Opens the TCP connection of one handshake, runs the target's STARTTLS dialogue if it has one, and
 * hands the socket to a TLS step. Every attempt is bounded: connect timeout, a read timeout, and
 * one deadline for the dialogue and handshake together.
 */
public final class EndpointConnector {

  /** What runs on the connected (and upgraded) plain socket; usually a TLS handshake. */
  @FunctionalInterface
  public interface TlsStep<T> {
    T run(Socket plain) throws IOException;
  }

  private final Duration connectTimeout;
  private final Duration handshakeTimeout;

  public EndpointConnector(Duration connectTimeout, Duration handshakeTimeout) {
    this.connectTimeout = connectTimeout;
    this.handshakeTimeout = handshakeTimeout;
  }

  public EndpointConnector(ScannerConfig config) {
    this(config.connectTimeout(), config.handshakeTimeout());
  }

  /**
   * @throws ScanFailure with the typed reason when anything on the way fails
   */
  public <T> T connect(InetAddress address, TargetSpec target, TlsStep<T> step) throws ScanFailure {
    Deadline deadline = null;
    try (Socket plain = new Socket()) {
      plain.setSoTimeout((int) handshakeTimeout.toMillis());
      plain.connect(new InetSocketAddress(address, target.port()), (int) connectTimeout.toMillis());
      deadline = Deadline.arm(plain, handshakeTimeout);
      StartTlsDialogues.of(target.starttls()).upgrade(plain, target.effectiveServerName());
      return step.run(plain);
    } catch (IOException e) {
      throw ScanFailure.of(e, deadline != null && deadline.expired());
    } finally {
      if (deadline != null) {
        deadline.close();
      }
    }
  }
}
