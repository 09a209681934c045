package dev.vigil.platform.outbox;

/** CDI event: an outbox row was written in the current transaction. */
public enum OutboxWritten {
  INSTANCE
}
