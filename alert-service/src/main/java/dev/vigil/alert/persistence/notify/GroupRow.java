package dev.vigil.alert.persistence.notify;

import dev.vigil.alert.domain.notify.SentState;
import java.time.Instant;
import java.util.Map;

/** One {@code notify_group} row. {@code sent} is {@code null} until the group first notifies. */
public record GroupRow(
    String groupId,
    String routeId,
    String receiver,
    String groupKey,
    Map<String, String> groupLabels,
    Instant nextFlushAt,
    Instant lastFlushAt,
    long flushSeq,
    SentState sent) {}
