package dev.vigil.alert.service.notify;

import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.domain.notify.LabelSets;
import dev.vigil.alert.domain.notify.Silence;
import dev.vigil.alert.persistence.notify.SilenceRepository;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Silences: Alertmanager's create/update/expire rules, and Vigil's expire-on-resolve. */
@ApplicationScoped
public class SilenceService {

  private static final Logger LOG = Logger.getLogger(SilenceService.class);

  private final SilenceRepository silences;
  private final Clock clock;

  public SilenceService(SilenceRepository silences, Clock clock) {
    this.silences = silences;
    this.clock = clock;
  }

  /** What a client asks for; {@code id} set means update. */
  public record SilenceRequest(
      String id,
      List<LabelMatcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      boolean expireWhenResolved) {}

  /**
   * Creates a silence, or updates one. As in Alertmanager, an expired silence is never changed:
   * updating it creates a new silence with a new id. A start in the past is moved to now.
   *
   * @return the id of the silence that now holds the request
   */
  @Transactional
  public String save(SilenceRequest r) {
    Instant now = now();
    Instant start = r.startsAt() == null || r.startsAt().isBefore(now) ? now : r.startsAt();
    String id = r.id() == null || r.id().isBlank() ? UUID.randomUUID().toString() : r.id();
    if (r.id() != null && !r.id().isBlank()) {
      Silence existing =
          silences
              .find(parseId(r.id()), true)
              .orElseThrow(() -> ProblemException.notFound("silence", r.id()));
      if (existing.state(now) == Silence.State.EXPIRED) {
        id = UUID.randomUUID().toString();
      } else if (existing.state(now) == Silence.State.ACTIVE
          && r.startsAt() != null
          && !r.startsAt().isAfter(now)) {
        // An active silence keeps its original start.
        start = existing.startsAt();
      }
    }
    Silence s =
        new Silence(
            id,
            r.matchers(),
            start,
            r.endsAt(),
            r.createdBy(),
            r.comment(),
            now,
            r.expireWhenResolved());
    Map.Entry<String, String> problem = s.problem();
    if (problem != null) {
      throw ProblemException.invalidField(problem.getKey(), problem.getValue());
    }
    if (!s.endsAt().isAfter(now)) {
      throw ProblemException.invalidField("endsAt", "must be in the future");
    }
    silences.upsert(s);
    LOG.infof(
        "silence %s saved by %s: %s until %s",
        id, s.createdBy(), LabelSets.format(s.matchers()), s.endsAt());
    return id;
  }

  @Transactional
  public Silence get(String id) {
    return silences
        .find(parseId(id), false)
        .orElseThrow(() -> ProblemException.notFound("silence", id));
  }

  /** Silences whose matchers include every one of {@code filter} (Alertmanager's list filter). */
  @Transactional
  public List<Silence> list(List<LabelMatcher> filter) {
    return silences.all().stream().filter(s -> s.matchers().containsAll(filter)).toList();
  }

  /** Ends a silence now; an expired one cannot be expired again (Alertmanager answers 500). */
  @Transactional
  public void expire(String id) {
    Instant now = now();
    Silence s =
        silences
            .find(parseId(id), true)
            .orElseThrow(() -> ProblemException.notFound("silence", id));
    if (s.state(now) == Silence.State.EXPIRED) {
      throw ProblemException.invalidField("silenceID", "silence " + id + " is already expired");
    }
    silences.upsert(s.expire(now));
  }

  /** Active silences at {@code now} (the flusher's view). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Silence> active(Instant now) {
    return silences.notExpired(now).stream()
        .filter(s -> s.state(now) == Silence.State.ACTIVE)
        .toList();
  }

  /** Alerts with these labels resolved: end the expire-on-resolve silences muting them. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void alertsResolved(List<Map<String, String>> resolvedLabels, Instant now) {
    if (resolvedLabels.isEmpty()) {
      return;
    }
    for (Silence s : silences.notExpired(now)) {
      if (s.expireWhenResolved() && resolvedLabels.stream().anyMatch(l -> s.mutes(l, now))) {
        silences.upsert(s.expire(now));
        LOG.infof("silence %s expired: an alert it muted resolved", s.id());
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String parseId(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("silence", id);
    }
  }
}
