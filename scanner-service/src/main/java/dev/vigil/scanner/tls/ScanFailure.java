package dev.vigil.scanner.tls;

import dev.vigil.events.UnreachableReason;
import dev.vigil.scanner.tls.starttls.StartTlsException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/** Why one connection attempt read nothing, as a typed reason and a human detail. */
public final class ScanFailure extends Exception {

  private final UnreachableReason reason;

  public ScanFailure(UnreachableReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public UnreachableReason reason() {
    return reason;
  }

  /**
   * @param deadlineExpired the watchdog closed the socket, so whatever broke was a timeout
   */
  static ScanFailure of(IOException e, boolean deadlineExpired) {
    String detail = String.valueOf(e.getMessage());
    if (deadlineExpired || causedBy(e, SocketTimeoutException.class)) {
      return new ScanFailure(UnreachableReason.TIMEOUT, "timed out: " + detail);
    }
    if (e instanceof UnknownHostException) {
      return new ScanFailure(UnreachableReason.DNS, "cannot resolve " + detail);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new ScanFailure(UnreachableReason.REFUSED, detail);
    }
    if (e instanceof NotTlsException) {
      return new ScanFailure(UnreachableReason.NOT_TLS, detail);
    }
    if (e instanceof StartTlsException) {
      return new ScanFailure(UnreachableReason.STARTTLS_FAILED, detail);
    }
    if (e.getClass() == SSLException.class) {
      // "Unsupported or unrecognized SSL message": the peer spoke something other than TLS.
      return new ScanFailure(UnreachableReason.NOT_TLS, detail);
    }
    if (e instanceof SSLException // handshake, protocol, key, peer-unverified
        || e instanceof TlsFatalAlert
        || e instanceof TlsFatalAlertReceived) {
      return new ScanFailure(UnreachableReason.HANDSHAKE_FAILURE, detail);
    }
    return new ScanFailure(UnreachableReason.IO_ERROR, e.toString());
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
