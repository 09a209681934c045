package dev.vigil.alert.rest.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.alert.domain.notify.LogEntry;
import dev.vigil.alert.service.notify.NotificationLogService;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The notification log, newest first, for operators: what was sent where, and what failed. */
@Path("/api/v1/notifications")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class NotificationLogResource {

  private static final Set<String> STATUSES = Set.of("pending", "sent", "failed");

  private final NotificationLogService log;

  public NotificationLogResource(NotificationLogService log) {
    this.log = log;
  }

  /** One log row, without the alert bodies. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NotificationDto(
      long id,
      String receiver,
      String integration,
      String groupKey,
      long flushSeq,
      String status,
      int firing,
      int resolved,
      int attempts,
      Instant createdAt,
      Instant finishedAt,
      String lastError) {

    static NotificationDto of(LogEntry r) {
      return new NotificationDto(
          r.id(),
          r.receiver(),
          r.integration(),
          r.groupKey(),
          r.flushSeq(),
          r.status().toLowerCase(Locale.ROOT),
          r.firingCount(),
          r.resolvedCount(),
          r.attempts(),
          r.createdAt(),
          r.finishedAt(),
          r.lastError());
    }
  }

  @GET
  public List<NotificationDto> list(
      @QueryParam("status") String status,
      @QueryParam("receiver") String receiver,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (status != null && !STATUSES.contains(status)) {
      throw ProblemException.invalidField("status", "must be one of pending, sent, failed");
    }
    if (limit < 1 || limit > 1000) {
      throw ProblemException.invalidField("limit", "must be between 1 and 1000");
    }
    return log
        .list(status == null ? null : status.toUpperCase(Locale.ROOT), receiver, limit)
        .stream()
        .map(NotificationDto::of)
        .toList();
  }
}
