package dev.vigil.alert.rest.breaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.alert.domain.notify.LabelMatcher;
import dev.vigil.alert.service.breaker.BreakerQueries.ChangeView;
import dev.vigil.alert.service.breaker.BreakerQueries.ScopeView;
import dev.vigil.events.BreakerState;
import java.time.Instant;
import java.util.List;

/** JSON shapes of {@code /api/v1/breakers}. */
final class BreakerDtos {

  private BreakerDtos() {}

  /** A breaker in force with its scopes, and for one breaker its latest changes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BreakerDto(
      String name,
      String origin,
      String description,
      String scope,
      List<String> matchers,
      String minOpen,
      boolean halfOpen,
      String healthyPeriod,
      List<String> actions,
      List<ScopeDto> scopes,
      List<ChangeDto> history) {

    static BreakerDto of(
        BreakerSpec s, String origin, List<ScopeView> scopes, List<ChangeView> history) {
      return new BreakerDto(
          s.name(),
          origin,
          s.description(),
          s.scope().text(),
          s.matchers().stream().map(LabelMatcher::toString).toList(),
          s.minOpen().toString(),
          s.halfOpen(),
          s.healthyPeriod().toString(),
          s.actions(),
          scopes.stream().map(ScopeDto::of).toList(),
          history == null ? null : history.stream().map(ChangeDto::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ScopeDto(
      String scope,
      BreakerState state,
      Instant since,
      Instant openedAt,
      long sequence,
      Instant nextCheckAt,
      OverrideDto override,
      List<FiringAlert> firing,
      List<ChangeDto> history) {

    static ScopeDto of(ScopeView v) {
      return of(v, null);
    }

    static ScopeDto of(ScopeView v, List<ChangeView> history) {
      ManualOverride o = v.override();
      return new ScopeDto(
          v.scope(),
          v.state(),
          v.since(),
          v.openedAt(),
          v.sequence(),
          v.nextCheckAt(),
          o == null ? null : new OverrideDto(o.state(), o.who(), o.why(), o.at(), o.until()),
          v.firing(),
          history == null ? null : history.stream().map(ChangeDto::of).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OverrideDto(BreakerState state, String who, String why, Instant at, Instant until) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChangeDto(
      String scope,
      long sequence,
      String from,
      String to,
      String cause,
      String actor,
      String reason,
      List<FiringAlert> alerts,
      Instant at) {

    static ChangeDto of(ChangeView c) {
      return new ChangeDto(
          c.scope(),
          c.sequence(),
          c.from(),
          c.to(),
          c.cause(),
          c.actor(),
          c.reason(),
          c.alerts(),
          c.at());
    }
  }

  /** Body of a manual override; its author is the authenticated caller. */
  /**
   * One file of breakers (the shipped pack or a file of the directory) and whether its latest
   * version is in force.
   *
   * @param problems {@code file:line: field (breaker X): message}; when any, the file's last good
   *     version stays in force
   */
  record FileDto(String origin, boolean valid, List<String> breakers, List<String> problems) {

    static FileDto of(BreakerFile f) {
      return new FileDto(
          f.origin(),
          f.valid(),
          f.specs().stream().map(BreakerSpec::name).toList(),
          f.problems().stream().map(Object::toString).toList());
    }
  }

  record OverrideRequest(BreakerState state, String why, Instant until) {}
}
