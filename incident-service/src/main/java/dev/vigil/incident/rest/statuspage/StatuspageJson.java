package dev.vigil.incident.rest.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The shapes of Atlassian Statuspage's public API v2, field for field where Vigil has the data, so
 * status widgets and aggregators that read Statuspage pages read Vigil's. Fields Vigil does not
 * have (tweets, shortlinks) are present with Statuspage's empty values.
 */
public final class StatuspageJson {

  private StatuspageJson() {}

  public record Page(
      String id,
      String name,
      String url,
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("updated_at") Instant updatedAt) {}

  public record Status(String indicator, String description) {}

  public record Component(
      String id,
      String name,
      String status,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      int position,
      String description,
      boolean showcase,
      @JsonProperty("start_date") String startDate,
      @JsonProperty("group_id") String groupId,
      @JsonProperty("page_id") String pageId,
      boolean group,
      @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded) {}

  public record AffectedComponent(
      String code,
      String name,
      @JsonProperty("old_status") String oldStatus,
      @JsonProperty("new_status") String newStatus) {}

  public record IncidentUpdate(
      String id,
      String status,
      String body,
      @JsonProperty("incident_id") String incidentId,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("display_at") Instant displayAt,
      @JsonProperty("affected_components") List<AffectedComponent> affectedComponents,
      @JsonProperty("deliver_notifications") boolean deliverNotifications,
      @JsonProperty("custom_tweet") String customTweet,
      @JsonProperty("tweet_id") String tweetId) {}

  public record Incident(
      String id,
      String name,
      String status,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("monitoring_at") Instant monitoringAt,
      @JsonProperty("resolved_at") Instant resolvedAt,
      String impact,
      String shortlink,
      @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("page_id") String pageId,
      @JsonProperty("incident_updates") List<IncidentUpdate> incidentUpdates,
      List<Component> components) {}

  public record ScheduledMaintenance(
      String id,
      String name,
      String status,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("monitoring_at") Instant monitoringAt,
      @JsonProperty("resolved_at") Instant resolvedAt,
      String impact,
      String shortlink,
      @JsonProperty("started_at") Instant startedAt,
      @JsonProperty("page_id") String pageId,
      @JsonProperty("incident_updates") List<IncidentUpdate> incidentUpdates,
      List<Component> components,
      @JsonProperty("scheduled_for") Instant scheduledFor,
      @JsonProperty("scheduled_until") Instant scheduledUntil) {}

  public record Summary(
      Page page,
      List<Component> components,
      List<Incident> incidents,
      @JsonProperty("scheduled_maintenances") List<ScheduledMaintenance> scheduledMaintenances,
      Status status) {}

  public record StatusDoc(Page page, Status status) {}

  public record ComponentsDoc(Page page, List<Component> components) {}

  public record IncidentsDoc(Page page, List<Incident> incidents) {}

  public record MaintenancesDoc(
      Page page,
      @JsonProperty("scheduled_maintenances") List<ScheduledMaintenance> scheduledMaintenances) {}
}
