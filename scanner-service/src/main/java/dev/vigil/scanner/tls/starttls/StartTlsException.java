package dev.vigil.scanner.tls.starttls;

import java.io.IOException;

/** The server did not agree to upgrade, or did not speak the expected protocol at all. */
public class StartTlsException extends IOException {

  public StartTlsException(String message) {
    super(message);
  }
}
