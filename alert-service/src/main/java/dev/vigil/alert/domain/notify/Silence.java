package dev.vigil.alert.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Alertmanager silence: mutes alerts matching all {@code matchers} between {@code startsAt} and
 * {@code endsAt}.
 *
 * @param expireWhenResolved Vigil's addition: the silence ends as soon as an alert it matches
 *     resolves, so a silence taken for one incident does not hide the next one
 */
public record Silence(
    String id,
    List<LabelMatcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant updatedAt,
    boolean expireWhenResolved) {

  /** Alertmanager's silence states. */
  public enum State {
    ACTIVE,
    PENDING,
    EXPIRED;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Silence {
    matchers = List.copyOf(matchers);
  }

  public State state(Instant now) {
    if (!endsAt.isAfter(now)) {
      return State.EXPIRED;
    }
    return startsAt.isAfter(now) ? State.PENDING : State.ACTIVE;
  }

  public boolean mutes(Map<String, String> labels, Instant now) {
    return state(now) == State.ACTIVE && LabelSets.matchesAll(matchers, labels);
  }

  /** The same silence ended at {@code now} (a pending one never starts). */
  public Silence expire(Instant now) {
    Instant start = startsAt.isAfter(now) ? now : startsAt;
    return new Silence(id, matchers, start, now, createdBy, comment, now, expireWhenResolved);
  }

  /**
   * Alertmanager's validation, as field-named messages: matchers present and not all matching the
   * empty string (a silence must not mute everything), end after start, author and comment set.
   *
   * @return {@code field -> message} of the first problem, or {@code null} if valid
   */
  public Map.Entry<String, String> problem() {
    if (matchers.isEmpty()) {
      return Map.entry("matchers", "at least one matcher is required");
    }
    if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
      return Map.entry("matchers", "at least one matcher must not match the empty string");
    }
    if (startsAt == null) {
      return Map.entry("startsAt", "required");
    }
    if (endsAt == null) {
      return Map.entry("endsAt", "required");
    }
    if (!endsAt.isAfter(startsAt)) {
      return Map.entry("endsAt", "must be after startsAt");
    }
    if (createdBy == null || createdBy.isBlank()) {
      return Map.entry("createdBy", "required");
    }
    if (comment == null || comment.isBlank()) {
      return Map.entry("comment", "required");
    }
    return null;
  }
}
