package dev.vigil.alert.rest;

import dev.vigil.alert.domain.ExternalAlert;
import dev.vigil.alert.service.ExternalAlertService;
import dev.vigil.platform.failure.TransientFailures;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Alertmanager's receiving endpoint, so Prometheus (or anything that sends to Alertmanager) can
 * point at Vigil: {@code alerting.alertmanagers[].static_configs: [vigil:8082]} with {@code
 * api_version: v2}.
 */
@Path("/api/v2/alerts")
public class AlertmanagerResource {

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  static final int MAX_ALERTS = 10_000;

  private final ExternalAlertService service;

  public AlertmanagerResource(ExternalAlertService service) {
    this.service = service;
  }

  /** One posted alert, as Alertmanager's OpenAPI {@code postableAlert}. */
  public record PostableAlert(
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      String generatorURL) {}

  @POST
  @RolesAllowed({Roles.OPERATOR, Roles.ALERT_SENDER})
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(List<PostableAlert> alerts) {
    if (alerts == null) {
      throw ProblemException.invalidField("(body)", "must be a JSON array of alerts");
    }
    if (alerts.size() > MAX_ALERTS) {
      throw ProblemException.invalidField(
          "(body)", "at most " + MAX_ALERTS + " alerts per request");
    }
    List<ExternalAlert> batch = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      batch.add(validate(i, alerts.get(i)));
    }
    TransientFailures.retry(
        () -> service.receive(batch), Duration.ofMillis(100), Duration.ofSeconds(10));
    return Response.ok().build();
  }

  private static ExternalAlert validate(int i, PostableAlert a) {
    String at = "[" + i + "]";
    if (a == null || a.labels() == null || a.labels().isEmpty()) {
      throw ProblemException.invalidField(at + ".labels", "is required and must not be empty");
    }
    String name = a.labels().get("alertname");
    if (name == null || name.isBlank()) {
      throw ProblemException.invalidField(at + ".labels.alertname", "is required");
    }
    for (Map.Entry<String, String> l : a.labels().entrySet()) {
      if (!LABEL.matcher(l.getKey()).matches()) {
        throw ProblemException.invalidField(at + ".labels." + l.getKey(), "is not a label name");
      }
      if (l.getValue() == null) {
        throw ProblemException.invalidField(at + ".labels." + l.getKey(), "must be a string");
      }
    }
    if (a.startsAt() != null && a.endsAt() != null && a.endsAt().isBefore(a.startsAt())) {
      throw ProblemException.invalidField(at + ".endsAt", "is before startsAt");
    }
    return new ExternalAlert(
        a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL());
  }
}
