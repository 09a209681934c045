package dev.vigil.platform.messaging;

/**
 * A record that can never be processed, however often it is retried: bad JSON, a missing CloudEvent
 * attribute, an unknown type. Consumers throw it so that the record is nacked and lands on the
 * channel's dead-letter topic with this message as {@code dead-letter-reason}.
 */
public class PoisonRecordException extends RuntimeException {

  public PoisonRecordException(String message) {
    super(message);
  }

  public PoisonRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
