package dev.vigil.incident.domain.intake;

import dev.vigil.incident.domain.sla.ComponentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The component impact segments of the incidents one intake batch works on, kept in memory for the
 * whole batch: each event's change is applied here ({@link #replace}, {@link #grow}) and the store
 * writes the ended and the new segments once at the end, instead of reading the open segments and
 * writing one row at a time per event.
 *
 * <p>The rules are the ones the store applied per event before: a segment whose component is no
 * longer held, or held at another status, ends now; a newly held component (or status) starts a
 * segment now; a segment held at the same status goes on untouched.
 */
public final class ImpactLedger {

  /** One impact segment; {@code id} is {@code null} for one started in this batch. */
  public static final class Segment {
    private final Long id;
    private final UUID incidentId;
    private final String componentId;
    private final ComponentStatus status;
    private final Instant startedAt;
    private Instant endedAt;
    private boolean ended;

    Segment(
        Long id,
        UUID incidentId,
        String componentId,
        ComponentStatus status,
        Instant startedAt,
        Instant endedAt) {
      this.id = id;
      this.incidentId = Objects.requireNonNull(incidentId, "incidentId");
      this.componentId = Objects.requireNonNull(componentId, "componentId");
      this.status = Objects.requireNonNull(status, "status");
      this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
      this.endedAt = endedAt;
    }

    public Long id() {
      return id;
    }

    public UUID incidentId() {
      return incidentId;
    }

    public String componentId() {
      return componentId;
    }

    public ComponentStatus status() {
      return status;
    }

    public Instant startedAt() {
      return startedAt;
    }

    public Instant endedAt() {
      return endedAt;
    }

    boolean open() {
      return endedAt == null;
    }
  }

  private final Map<UUID, List<Segment>> byIncident = new HashMap<>();

  /** A stored segment, as loaded. */
  public void add(
      long id,
      UUID incidentId,
      String componentId,
      ComponentStatus status,
      Instant startedAt,
      Instant endedAt) {
    segments(incidentId).add(new Segment(id, incidentId, componentId, status, startedAt, endedAt));
  }

  /** What the incident holds now: component to status of its open segments. */
  public Map<String, ComponentStatus> held(UUID incidentId) {
    Map<String, ComponentStatus> held = new HashMap<>();
    for (Segment s : byIncident.getOrDefault(incidentId, List.of())) {
      if (s.open()) {
        held.merge(s.componentId, s.status, ComponentStatus::worst);
      }
    }
    return held;
  }

  /** Whether the incident holds (has an open segment on) any of the components. */
  public boolean holdsAny(UUID incidentId, List<String> componentIds) {
    for (Segment s : byIncident.getOrDefault(incidentId, List.of())) {
      if (s.open() && componentIds.contains(s.componentId)) {
        return true;
      }
    }
    return false;
  }

  /** Every component the incident has ever affected, sorted. */
  public List<String> everAffected(UUID incidentId) {
    TreeSet<String> ids = new TreeSet<>();
    byIncident.getOrDefault(incidentId, List.of()).forEach(s -> ids.add(s.componentId));
    return List.copyOf(ids);
  }

  /** Brings the incident's open segments in line with {@code desired} (ends and starts at now). */
  public void replace(UUID incidentId, Map<String, ComponentStatus> desired, Instant now) {
    List<Segment> segments = segments(incidentId);
    Map<String, ComponentStatus> remaining = new HashMap<>(desired);
    for (Segment open : segments) {
      if (!open.open()) {
        continue;
      }
      if (remaining.get(open.componentId) == open.status) {
        remaining.remove(open.componentId);
      } else {
        open.endedAt = now;
        open.ended = true;
      }
    }
    desired.forEach(
        (component, status) -> {
          if (remaining.containsKey(component)) {
            segments.add(new Segment(null, incidentId, component, status, now, null));
          }
        });
  }

  /**
   * Adds what one more firing alert holds: a component held worse than now moves to that status.
   */
  public void grow(UUID incidentId, Map<String, ComponentStatus> added, Instant now) {
    Map<String, ComponentStatus> desired = held(incidentId);
    added.forEach((component, status) -> desired.merge(component, status, ComponentStatus::worst));
    replace(incidentId, desired, now);
  }

  /** Stored segments that ended in this batch: their {@code ended_at} is to be written. */
  public List<Segment> ended() {
    List<Segment> out = new ArrayList<>();
    byIncident
        .values()
        .forEach(l -> l.stream().filter(s -> s.id != null && s.ended).forEach(out::add));
    return out;
  }

  /** Segments started in this batch (some may have ended in it too), in the order they started. */
  public List<Segment> started() {
    List<Segment> out = new ArrayList<>();
    byIncident.values().forEach(l -> l.stream().filter(s -> s.id == null).forEach(out::add));
    return out;
  }

  private List<Segment> segments(UUID incidentId) {
    return byIncident.computeIfAbsent(incidentId, k -> new ArrayList<>());
  }
}
