package dev.vigil.alert.rest;

import dev.vigil.alert.domain.AlertStatus;
import dev.vigil.alert.service.AlertQueries;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** Read-only alert API. Unauthenticated for now: it exposes no secrets and changes nothing. */
@Path("/api/v1/alerts")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  static final int MAX_LIMIT = 1000;

  private final AlertQueries queries;

  public AlertResource(AlertQueries queries) {
    this.queries = queries;
  }

  /**
   * Lists alerts newest first.
   *
   * @param status {@code firing} (default), {@code pending}, {@code resolved}, {@code inactive} or
   *     {@code all}
   * @param limit at most this many, 1 to 1000
   */
  @GET
  public List<AlertDto> list(
      @QueryParam("status") @DefaultValue("firing") String status,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return queries.list(parseStatus(status), limit).stream().map(AlertDto::of).toList();
  }

  @GET
  @Path("/{fingerprint}")
  public AlertDto get(@PathParam("fingerprint") String fingerprint) {
    return queries
        .find(fingerprint)
        .map(AlertDto::of)
        .orElseThrow(() -> ProblemException.notFound("alert", fingerprint));
  }

  /** {@code null} means all statuses. */
  private static AlertStatus parseStatus(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "firing" -> AlertStatus.FIRING;
      case "resolved" -> AlertStatus.RESOLVED;
      case "pending" -> AlertStatus.PENDING;
      case "inactive" -> AlertStatus.INACTIVE;
      case "all" -> null;
      default ->
          throw ProblemException.invalidField(
              "status", "must be one of firing, pending, resolved, inactive, all");
    };
  }
}
