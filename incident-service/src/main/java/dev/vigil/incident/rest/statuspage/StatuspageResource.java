package dev.vigil.incident.rest.statuspage;

import dev.vigil.incident.service.ComponentView;
import dev.vigil.incident.service.PerView;
import dev.vigil.incident.service.PublicPage;
import dev.vigil.incident.service.StatusPageService.Snapshot;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The public, read-only status API shaped like Statuspage's v2 ({@code /api/v2/summary.json} and
 * friends). No authentication: it is what customers and their tools read.
 */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class StatuspageResource {

  private final PublicPage pages;
  private final StatuspageMapper mapper;
  // Resources are singletons: one derived document per view for all requests.
  private final PerView<StatuspageJson.Summary> summary = new PerView<>(this::summary);

  public StatuspageResource(PublicPage pages, StatuspageMapper mapper) {
    this.pages = pages;
    this.mapper = mapper;
  }

  @GET
  @Path("summary.json")
  public StatuspageJson.Summary summary() {
    return summary.of(pages.get());
  }

  private StatuspageJson.Summary summary(PublicPage.View view) {
    Snapshot s = view.snapshot();
    Map<String, ComponentView> byId = StatuspageMapper.byId(s.components());
    return new StatuspageJson.Summary(
        mapper.page(s.at()),
        s.components().stream().map(mapper::component).toList(),
        s.unresolved().stream().map(i -> mapper.incident(i, byId)).toList(),
        s.maintenances().stream().map(m -> mapper.maintenance(m, s.at(), byId)).toList(),
        new StatuspageJson.Status(s.status().indicator(), s.status().description()));
  }

  @GET
  @Path("status.json")
  public StatuspageJson.StatusDoc status() {
    Snapshot s = pages.get().snapshot();
    return new StatuspageJson.StatusDoc(
        mapper.page(s.at()),
        new StatuspageJson.Status(s.status().indicator(), s.status().description()));
  }

  @GET
  @Path("components.json")
  public StatuspageJson.ComponentsDoc components() {
    Snapshot s = pages.get().snapshot();
    return new StatuspageJson.ComponentsDoc(
        mapper.page(s.at()), s.components().stream().map(mapper::component).toList());
  }

  @GET
  @Path("incidents.json")
  public StatuspageJson.IncidentsDoc incidents() {
    PublicPage.View view = pages.get();
    Snapshot s = view.snapshot();
    Map<String, ComponentView> byId = StatuspageMapper.byId(s.components());
    return new StatuspageJson.IncidentsDoc(
        mapper.page(s.at()), view.recent().stream().map(i -> mapper.incident(i, byId)).toList());
  }

  @GET
  @Path("incidents/unresolved.json")
  public StatuspageJson.IncidentsDoc unresolved() {
    Snapshot s = pages.get().snapshot();
    Map<String, ComponentView> byId = StatuspageMapper.byId(s.components());
    return new StatuspageJson.IncidentsDoc(
        mapper.page(s.at()), s.unresolved().stream().map(i -> mapper.incident(i, byId)).toList());
  }

  @GET
  @Path("scheduled-maintenances.json")
  public StatuspageJson.MaintenancesDoc maintenances() {
    Snapshot s = pages.get().snapshot();
    Map<String, ComponentView> byId = StatuspageMapper.byId(s.components());
    List<StatuspageJson.ScheduledMaintenance> list =
        s.maintenances().stream().map(m -> mapper.maintenance(m, s.at(), byId)).toList();
    return new StatuspageJson.MaintenancesDoc(mapper.page(s.at()), list);
  }
}
