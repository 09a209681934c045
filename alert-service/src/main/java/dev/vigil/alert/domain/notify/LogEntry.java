package dev.vigil.alert.domain.notify;

import java.time.Instant;

/** One {@code notification_log} row: one notification to one integration of a receiver. */
public record LogEntry(
    long id,
    String groupId,
    long flushSeq,
    String receiver,
    String integration,
    String alertsHash,
    String groupKey,
    String status,
    int firingCount,
    int resolvedCount,
    Notification content,
    int attempts,
    Instant createdAt,
    Instant leaseUntil,
    Instant finishedAt,
    String lastError) {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  /** Index of the integration within its receiver: {@code webhook/1} -> 1. */
  public int integrationIndex() {
    return Integer.parseInt(integration.substring(integration.indexOf('/') + 1));
  }
}
