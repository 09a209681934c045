package dev.vigil.alert.service.notify;

import dev.vigil.alert.domain.notify.Notification;

/**
 * A notification this replica claimed in the log and must now deliver.
 *
 * @param attempts attempts already made (by any replica) before this one took it
 */
public record Claimed(
    long logId,
    String receiver,
    int integrationIndex,
    String kind,
    Notification notification,
    int attempts) {}
