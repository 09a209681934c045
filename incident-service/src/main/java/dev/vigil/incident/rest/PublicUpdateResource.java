package dev.vigil.incident.rest;

import dev.vigil.incident.domain.publish.PublicStatus;
import dev.vigil.incident.domain.publish.PublicUpdate;
import dev.vigil.incident.service.PublicUpdates;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What responders tell customers about an incident; drafts are visible here only. */
@Path("/api/v1/incidents/{id}/public-updates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
public class PublicUpdateResource {

  /** Body of {@code POST}: {@code publish} defaults to true; {@code title} is optional. */
  public record PublicUpdateRequest(String status, String title, String body, Boolean publish) {

    /** The status, checked (the operator console checks its forms the same way). */
    public PublicStatus checkedStatus() {
      return PublicStatus.parse(status)
          .orElseThrow(
              () ->
                  ProblemException.invalidField(
                      "status", "must be investigating, identified, monitoring or resolved"));
    }

    /** The body, stripped; 1 to 10,000 characters. */
    public String checkedBody() {
      if (body == null || body.isBlank() || body.length() > MAX_BODY) {
        throw ProblemException.invalidField("body", "must be 1 to " + MAX_BODY + " characters");
      }
      return body.strip();
    }

    /** The title, stripped, or {@code null} when blank; at most 300 characters. */
    public String checkedTitle() {
      if (title != null && title.length() > 300) {
        throw ProblemException.invalidField("title", "must be at most 300 characters");
      }
      return title == null || title.isBlank() ? null : title.strip();
    }

    /** Published at once unless {@code publish} is false. */
    public boolean publishNow() {
      return publish == null || publish;
    }
  }

  public record PublicUpdateDto(
      UUID id,
      String status,
      String title,
      String body,
      String author,
      Instant createdAt,
      String publishedBy,
      Instant publishedAt) {

    static PublicUpdateDto of(PublicUpdate u) {
      return new PublicUpdateDto(
          u.id(),
          u.status().apiName(),
          u.title(),
          u.body(),
          u.author(),
          u.createdAt(),
          u.publishedBy(),
          u.publishedAt());
    }
  }

  static final int MAX_BODY = 10_000;

  private final PublicUpdates updates;
  private final SecurityIdentity identity;

  public PublicUpdateResource(PublicUpdates updates, SecurityIdentity identity) {
    this.updates = updates;
    this.identity = identity;
  }

  @GET
  public List<PublicUpdateDto> list(@PathParam("id") String id) {
    return updates.ofIncident(QueryParams.id(id)).stream().map(PublicUpdateDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response post(@PathParam("id") String id, PublicUpdateRequest request) {
    UUID incidentId = QueryParams.id(id);
    if (request == null) {
      throw ProblemException.invalidField("body", "a public update is required");
    }
    PublicStatus status = request.checkedStatus();
    String body = request.checkedBody();
    String title = request.checkedTitle();
    PublicUpdate created =
        updates.post(
            incidentId,
            identity.getPrincipal().getName(),
            status,
            title,
            body,
            request.publishNow());
    return Response.status(Response.Status.CREATED).entity(PublicUpdateDto.of(created)).build();
  }

  @POST
  @Path("{updateId}/publish")
  public PublicUpdateDto publish(@PathParam("id") String id, @PathParam("updateId") String update) {
    UUID updateId;
    try {
      updateId = UUID.fromString(update);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("updateId", "must be a UUID");
    }
    return PublicUpdateDto.of(
        updates.publish(QueryParams.id(id), updateId, identity.getPrincipal().getName()));
  }
}
