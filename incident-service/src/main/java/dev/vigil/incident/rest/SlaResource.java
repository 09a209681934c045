package dev.vigil.incident.rest;

import dev.vigil.incident.domain.sla.CreditStep;
import dev.vigil.incident.domain.sla.SlaResult;
import dev.vigil.incident.domain.sla.SlaTier;
import dev.vigil.incident.service.SlaService;
import dev.vigil.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SLA tiers (admin) and the service-credit report per month (JSON or CSV). */
@Path("/api/v1/sla")
public class SlaResource {

  public record CreditStepDto(Double belowPercent, Double creditPercent) {}

  /** Body of {@code PUT /tiers/{tier}}; {@code components} empty or absent means all. */
  public record TierRequest(
      Double targetPercent, List<CreditStepDto> credits, List<String> components) {}

  public record TierDto(
      String tier, double targetPercent, List<CreditStepDto> credits, List<String> components) {

    static TierDto of(SlaTier t) {
      return new TierDto(
          t.tier(),
          t.targetPercent(),
          t.credits().stream()
              .map(c -> new CreditStepDto(c.belowPercent(), c.creditPercent()))
              .toList(),
          t.components());
    }
  }

  public record ResultDto(
      String component,
      String tier,
      double uptimePercent,
      double targetPercent,
      boolean breached,
      double creditPercent,
      long downtimeSeconds,
      long maintenanceSeconds) {

    static ResultDto of(SlaResult r) {
      return new ResultDto(
          r.policy().component(),
          r.policy().tier(),
          r.uptime().percent(),
          r.policy().targetPercent(),
          r.breached(),
          r.creditPercent(),
          r.uptime().downtime().toSeconds(),
          r.uptime().excludedMaintenance().toSeconds());
    }
  }

  public record ReportDto(
      String period, Instant from, Instant to, String timeZone, List<ResultDto> results) {}

  private final SlaService sla;

  public SlaResource(SlaService sla) {
    this.sla = sla;
  }

  @GET
  @Path("tiers")
  @Produces(MediaType.APPLICATION_JSON)
  public List<TierDto> tiers() {
    return sla.tiers().stream().map(TierDto::of).toList();
  }

  @PUT
  @Path("tiers/{tier}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public Response putTier(@PathParam("tier") String tier, TierRequest request) {
    SlaTier parsed = parse(tier, request);
    boolean created = sla.putTier(parsed);
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .entity(TierDto.of(parsed))
        .build();
  }

  @DELETE
  @Path("tiers/{tier}")
  @RolesAllowed(Roles.ADMIN)
  public Response deleteTier(@PathParam("tier") String tier) {
    sla.deleteTier(tier);
    return Response.noContent().build();
  }

  /**
   * The credit report of {@code month} (default: the current month so far) in {@code timeZone}
   * (default UTC); {@code format=csv} for a spreadsheet.
   */
  @GET
  @Path("report")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response report(
      @QueryParam("month") String month,
      @QueryParam("timeZone") String timeZone,
      @QueryParam("format") String format) {
    ZoneId zone = zone(timeZone);
    YearMonth period = month == null ? sla.currentMonth(zone) : month(month);
    SlaService.Report report = sla.report(period, zone);
    if ("csv".equalsIgnoreCase(format)) {
      return Response.ok(csv(report), "text/csv").build();
    }
    if (format != null && !"json".equalsIgnoreCase(format)) {
      throw ProblemException.invalidField("format", "must be json or csv");
    }
    return Response.ok(
            new ReportDto(
                report.periodId(),
                report.period().start(),
                report.period().end(),
                zone.getId(),
                report.results().stream().map(ResultDto::of).toList()),
            MediaType.APPLICATION_JSON)
        .build();
  }

  static String csv(SlaService.Report report) {
    StringBuilder out =
        new StringBuilder(
            "period,component,tier,uptime_percent,target_percent,breached,credit_percent,"
                + "downtime_seconds,maintenance_seconds\n");
    for (SlaResult r : report.results()) {
      out.append(report.periodId())
          .append(',')
          .append(r.policy().component())
          .append(',')
          .append(r.policy().tier())
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", r.uptime().percent()))
          .append(',')
          .append(r.policy().targetPercent())
          .append(',')
          .append(r.breached())
          .append(',')
          .append(r.creditPercent())
          .append(',')
          .append(r.uptime().downtime().toSeconds())
          .append(',')
          .append(r.uptime().excludedMaintenance().toSeconds())
          .append('\n');
    }
    return out.toString();
  }

  private static SlaTier parse(String tier, TierRequest request) {
    if (tier == null || !SlaTier.NAME.matcher(tier).matches()) {
      throw ProblemException.invalidField(
          "tier", "must be 1-100 lower-case letters, digits, '.', '_' or '-'");
    }
    if (request == null || request.targetPercent() == null) {
      throw ProblemException.invalidField("targetPercent", "is required");
    }
    if (!(request.targetPercent() > 0 && request.targetPercent() <= 100)) {
      throw ProblemException.invalidField("targetPercent", "must be in (0, 100]");
    }
    List<CreditStep> steps = new ArrayList<>();
    List<CreditStepDto> credits = request.credits() == null ? List.of() : request.credits();
    for (int i = 0; i < credits.size(); i++) {
      CreditStepDto c = credits.get(i);
      if (c == null || c.belowPercent() == null || c.creditPercent() == null) {
        throw ProblemException.invalidField(
            "credits[" + i + "]", "needs belowPercent and creditPercent");
      }
      try {
        steps.add(new CreditStep(c.belowPercent(), c.creditPercent()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("credits[" + i + "]", e.getMessage());
      }
    }
    try {
      return new SlaTier(
          tier,
          request.targetPercent(),
          steps,
          request.components() == null ? List.of() : request.components());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("credits", e.getMessage());
    }
  }

  private static ZoneId zone(String value) {
    if (value == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw ProblemException.invalidField(
          "timeZone", "must be a time zone id such as Europe/Berlin");
    }
  }

  private static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("month", "must be YYYY-MM");
    }
  }
}
