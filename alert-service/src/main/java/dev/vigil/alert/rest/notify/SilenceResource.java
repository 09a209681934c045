package dev.vigil.alert.rest.notify;

import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.rest.Roles;
import dev.vigil.alert.rest.notify.SilenceDtos.GettableSilence;
import dev.vigil.alert.rest.notify.SilenceDtos.MatcherDto;
import dev.vigil.alert.rest.notify.SilenceDtos.PostableSilence;
import dev.vigil.alert.rest.notify.SilenceDtos.SilenceCreated;
import dev.vigil.alert.service.notify.SilenceService;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's silence API ({@code /api/v2/silences}, {@code /api/v2/silence/{id}}), so amtool
 * and Grafana's Alertmanager data source can manage Vigil's silences.
 */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

  private final SilenceService silences;
  private final Clock clock;

  public SilenceResource(SilenceService silences, Clock clock) {
    this.silences = silences;
    this.clock = clock;
  }

  /** Lists silences; each {@code filter} is a matcher such as {@code alertname="X"}. */
  @GET
  @PermitAll
  @Path("silences")
  public List<GettableSilence> list(@QueryParam("filter") List<String> filter) {
    List<LabelMatcher> matchers = new ArrayList<>();
    for (String f : filter == null ? List.<String>of() : filter) {
      try {
        matchers.add(LabelMatcher.parse(f));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("filter", e.getMessage());
      }
    }
    Instant now = clock.instant();
    return silences.list(matchers).stream().map(s -> GettableSilence.of(s, now)).toList();
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("silences")
  @Consumes(MediaType.APPLICATION_JSON)
  public SilenceCreated save(PostableSilence body) {
    if (body == null) {
      throw ProblemException.invalidField("body", "a silence is required");
    }
    if (body.matchers() == null || body.matchers().isEmpty()) {
      throw ProblemException.invalidField("matchers", "at least one matcher is required");
    }
    List<LabelMatcher> matchers = new ArrayList<>();
    for (int i = 0; i < body.matchers().size(); i++) {
      MatcherDto m = body.matchers().get(i);
      String field = "matchers[" + i + "]";
      if (m == null || m.name() == null || m.name().isBlank()) {
        throw ProblemException.invalidField(field + ".name", "required");
      }
      if (m.value() == null) {
        throw ProblemException.invalidField(field + ".value", "required");
      }
      try {
        matchers.add(
            LabelMatcher.of(
                m.name(),
                LabelMatcher.Type.of(
                    Boolean.TRUE.equals(m.isRegex()), !Boolean.FALSE.equals(m.isEqual())),
                m.value()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(field, e.getMessage());
      }
    }
    if (body.endsAt() == null) {
      throw ProblemException.invalidField("endsAt", "required");
    }
    String id =
        silences.save(
            new SilenceService.SilenceRequest(
                body.id(),
                matchers,
                body.startsAt() == null ? null : body.startsAt().toInstant(),
                body.endsAt().toInstant(),
                body.createdBy(),
                body.comment(),
                Boolean.TRUE.equals(body.expireWhenResolved())));
    return new SilenceCreated(id);
  }

  @GET
  @PermitAll
  @Path("silence/{silenceID}")
  public GettableSilence get(@PathParam("silenceID") String id) {
    return GettableSilence.of(silences.get(id), clock.instant());
  }

  @DELETE
  @RolesAllowed(Roles.OPERATOR)
  @Path("silence/{silenceID}")
  public Response expire(@PathParam("silenceID") String id) {
    silences.expire(id);
    // Alertmanager answers 200, and generated clients (amtool) treat any other code as an error.
    return Response.ok().build();
  }
}
