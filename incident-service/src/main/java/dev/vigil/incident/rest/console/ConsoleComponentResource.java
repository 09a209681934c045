package dev.vigil.incident.rest.console;

import dev.vigil.events.Severity;
import dev.vigil.incident.domain.component.Component;
import dev.vigil.incident.domain.sla.ComponentStatus;
import dev.vigil.incident.rest.ComponentRequest;
import dev.vigil.incident.rest.Roles;
import dev.vigil.incident.service.ComponentService;
import dev.vigil.incident.service.ComponentView;
import dev.vigil.platform.problem.ProblemException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Components in the console: everyone signed in sees them, admins create and edit them. The form is
 * turned into the REST API's {@link ComponentRequest}, so both check a component alike.
 */
@Path("/console/components")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class ConsoleComponentResource {

  private final ComponentService components;
  private final SecurityIdentity identity;

  public ConsoleComponentResource(ComponentService components, SecurityIdentity identity) {
    this.components = components;
    this.identity = identity;
  }

  @GET
  public TemplateInstance list(@QueryParam("done") String done) {
    List<AdminViews.ComponentRow> rows =
        components.list().stream().map(ConsoleComponentResource::row).toList();
    return ConsoleViews.components(
        new AdminViews.ComponentList(
            operator(), rows, "saved".equals(done) ? "Component saved." : null));
  }

  /** The form: empty for a new component, filled for {@code id}. */
  @GET
  @Path("edit")
  @RolesAllowed(Roles.ADMIN)
  public TemplateInstance edit(@QueryParam("id") String id) {
    if (id == null || id.isBlank()) {
      return form(false, Map.of("position", "0"), Component.defaultImpact(), null);
    }
    Component c = components.get(id).component();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", c.id());
    values.put("name", c.name());
    values.put("description", c.description());
    values.put("position", Integer.toString(c.position()));
    values.put(
        "match",
        c.match().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n")));
    return form(true, values, c.impact(), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response save(
      @FormParam("existing") String existing,
      @FormParam("id") String id,
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("position") String position,
      @FormParam("match") String match,
      @FormParam("impact.CRITICAL") String critical,
      @FormParam("impact.WARNING") String warning,
      @FormParam("impact.INFO") String info) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", id == null ? "" : id.strip());
    values.put("name", name == null ? "" : name);
    values.put("description", description == null ? "" : description);
    values.put("position", position == null ? "" : position);
    values.put("match", match == null ? "" : match);
    Map<String, String> impact = new LinkedHashMap<>();
    putIfPresent(impact, "CRITICAL", critical);
    putIfPresent(impact, "WARNING", warning);
    putIfPresent(impact, "INFO", info);
    try {
      ComponentRequest request =
          new ComponentRequest(
              name, blankToNull(description), position(position), match(match), impact);
      Component component = request.toComponent(values.get("id"));
      if (existing == null
          && components.list().stream().anyMatch(v -> v.component().id().equals(component.id()))) {
        throw ProblemException.invalidField("id", "is taken by another component; edit that one");
      }
      components.put(component);
    } catch (ProblemException e) {
      Map<Severity, ComponentStatus> chosen = new LinkedHashMap<>(Component.defaultImpact());
      impact.forEach(
          (severity, status) ->
              Arrays.stream(ComponentStatus.values())
                  .filter(s -> s.apiName().equals(status))
                  .findFirst()
                  .ifPresent(s -> chosen.put(Severity.valueOf(severity), s)));
      return Response.status(e.problem().status())
          .entity(form(existing != null, values, chosen, FormError.of("component", e)))
          .build();
    }
    return Response.seeOther(URI.create("/console/components?done=saved")).build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return ConsoleErrors.forbidden(operator());
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return ConsoleErrors.problem(operator(), e);
  }

  private TemplateInstance form(
      boolean existing,
      Map<String, String> values,
      Map<Severity, ComponentStatus> impact,
      FormError error) {
    List<AdminViews.ImpactChoice> impacts =
        List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO).stream()
            .map(
                severity ->
                    new AdminViews.ImpactChoice(
                        severity.name(),
                        Arrays.stream(ComponentStatus.values())
                            .filter(s -> s != ComponentStatus.UNDER_MAINTENANCE)
                            .map(
                                s ->
                                    new Option(
                                        s.apiName(),
                                        s.apiName().replace('_', ' '),
                                        s == impact.get(severity)))
                            .toList()))
            .toList();
    return ConsoleViews.component(
        new AdminViews.ComponentForm(operator(), existing, values, impacts, error));
  }

  private static AdminViews.ComponentRow row(ComponentView v) {
    Component c = v.component();
    String match =
        c.match().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return new AdminViews.ComponentRow(
        c.id(),
        c.name(),
        v.status().apiName().replace('_', '-'),
        v.status().apiName().replace('_', ' '),
        match);
  }

  /** One {@code label=value} per line; blank lines are ignored. */
  static Map<String, String> match(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (text == null) {
      return pairs;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw ProblemException.invalidField(
            "match", "must be one label=value per line, e.g. chain=base-mainnet");
      }
      pairs.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return pairs;
  }

  private static Integer position(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("position", "must be a whole number");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private Operator operator() {
    return Operator.of(identity);
  }
}
