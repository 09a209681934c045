package dev.vigil.incident.rest;

import dev.vigil.incident.domain.component.Maintenance;
import dev.vigil.incident.service.MaintenanceService;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Announced maintenance windows. */
@Path("/api/v1/maintenances")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

  /** Body of {@code POST} and {@code PUT}: all but {@code body} required. */
  public record MaintenanceRequest(
      String title, String body, List<String> components, Instant startsAt, Instant endsAt) {

    /**
     * Checks the window; the operator console uses it too.
     *
     * @throws ProblemException 400 naming the field at fault
     */
    public void validate() {
      if (title == null || title.isBlank() || title.length() > 300) {
        throw ProblemException.invalidField("title", "must be 1 to 300 characters");
      }
      if (components == null || components.isEmpty()) {
        throw ProblemException.invalidField("components", "must name at least one component");
      }
      if (startsAt == null) {
        throw ProblemException.invalidField("startsAt", "is required");
      }
      if (endsAt == null || !endsAt.isAfter(startsAt)) {
        throw ProblemException.invalidField("endsAt", "must be after startsAt");
      }
      if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
        throw ProblemException.invalidField("endsAt", "a window may last at most 14 days");
      }
    }
  }

  /** A window with its status now: {@code scheduled}, {@code in_progress} or {@code completed}. */
  public record MaintenanceDto(
      UUID id,
      String title,
      String body,
      List<String> components,
      Instant startsAt,
      Instant endsAt,
      String status,
      String createdBy,
      Instant createdAt) {

    static MaintenanceDto of(Maintenance m, Instant now) {
      return new MaintenanceDto(
          m.id(),
          m.title(),
          m.body(),
          m.components(),
          m.startsAt(),
          m.endsAt(),
          m.statusAt(now),
          m.createdBy(),
          m.createdAt());
    }
  }

  /** Longer windows are almost always a typo in a date. */
  static final Duration MAX_LENGTH = Duration.ofDays(14);

  private final MaintenanceService maintenances;
  private final SecurityIdentity identity;

  public MaintenanceResource(MaintenanceService maintenances, SecurityIdentity identity) {
    this.maintenances = maintenances;
    this.identity = identity;
  }

  /** Windows that are scheduled or in progress. */
  @GET
  public List<MaintenanceDto> list() {
    Instant now = maintenances.now();
    return maintenances.upcomingAndActive().stream().map(m -> MaintenanceDto.of(m, now)).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public Response schedule(MaintenanceRequest request) {
    if (request == null) {
      throw ProblemException.invalidField("body", "a maintenance window is required");
    }
    request.validate();
    Maintenance created =
        maintenances.schedule(
            request.title().strip(),
            request.body(),
            request.components(),
            request.startsAt(),
            request.endsAt(),
            identity.getPrincipal().getName());
    return Response.status(Response.Status.CREATED)
        .entity(MaintenanceDto.of(created, maintenances.now()))
        .build();
  }

  @GET
  @Path("{id}")
  public MaintenanceDto get(@PathParam("id") String id) {
    return MaintenanceDto.of(maintenances.get(QueryParams.id(id)), maintenances.now());
  }

  /** Moves, extends or re-words a window. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
  public MaintenanceDto reschedule(@PathParam("id") String id, MaintenanceRequest request) {
    UUID maintenanceId = QueryParams.id(id);
    if (request == null) {
      throw ProblemException.invalidField("body", "a maintenance window is required");
    }
    request.validate();
    Maintenance changed =
        maintenances.reschedule(
            maintenanceId,
            request.title().strip(),
            request.body(),
            request.components(),
            request.startsAt(),
            request.endsAt());
    return MaintenanceDto.of(changed, maintenances.now());
  }
}
