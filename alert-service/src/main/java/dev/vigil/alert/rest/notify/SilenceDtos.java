package dev.vigil.alert.rest.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.domain.notify.Silence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Alertmanager's v2 silence shapes, plus Vigil's {@code expireWhenResolved}. */
public final class SilenceDtos {

  private SilenceDtos() {}

  /** {@code matcher}: {@code isEqual} defaults to true, as in Alertmanager. */
  public record MatcherDto(String name, String value, Boolean isRegex, Boolean isEqual) {
    static MatcherDto of(LabelMatcher m) {
      return new MatcherDto(m.name(), m.value(), m.type().isRegex(), m.type().isEqual());
    }
  }

  /** {@code postableSilence}. */
  public record PostableSilence(
      String id,
      List<MatcherDto> matchers,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String createdBy,
      String comment,
      Boolean expireWhenResolved) {}

  /** {@code silenceStatus}. */
  public record SilenceStatus(String state) {}

  /** {@code gettableSilence}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GettableSilence(
      String id,
      SilenceStatus status,
      Instant updatedAt,
      List<MatcherDto> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment,
      boolean expireWhenResolved) {

    static GettableSilence of(Silence s, Instant now) {
      return new GettableSilence(
          s.id(),
          new SilenceStatus(s.state(now).apiName()),
          s.updatedAt(),
          s.matchers().stream().map(MatcherDto::of).toList(),
          s.startsAt(),
          s.endsAt(),
          s.createdBy(),
          s.comment(),
          s.expireWhenResolved());
    }
  }

  /** Answer of {@code POST /api/v2/silences}. */
  public record SilenceCreated(String silenceID) {}
}
