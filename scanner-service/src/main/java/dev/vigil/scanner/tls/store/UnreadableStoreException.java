package dev.vigil.scanner.tls.store;

/**
 * A file holds no certificate the scanner can read: garbage, empty, a wrong or missing keystore
 * password. The message is safe to publish: it never contains a password.
 */
public class UnreadableStoreException extends Exception {

  public UnreadableStoreException(String message) {
    super(message);
  }
}
