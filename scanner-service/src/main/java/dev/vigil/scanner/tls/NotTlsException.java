package dev.vigil.scanner.tls;

import java.io.IOException;

/** The peer answered with bytes that cannot be a TLS record: it does not speak TLS on this port. */
public class NotTlsException extends IOException {

  public NotTlsException(String detail) {
    super(detail);
  }
}
