package dev.vigil.alert.service.breaker;

import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.BreakerSpecException;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.alert.domain.breaker.Transition;
import dev.vigil.alert.persistence.breaker.BreakerDefinitionRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.events.BreakerState;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** What humans do to breakers: overrides and stored definitions. */
@ApplicationScoped
public class BreakerControl {

  private static final Pattern SCOPE = Pattern.compile("[^/\\s\\p{Cntrl}]{1,300}");

  private final BreakerRegistry registry;
  private final BreakerStateRepository states;
  private final BreakerDefinitionRepository definitions;
  private final BreakerWriter writer;
  private final Clock clock;

  public BreakerControl(
      BreakerRegistry registry,
      BreakerStateRepository states,
      BreakerDefinitionRepository definitions,
      BreakerWriter writer,
      Clock clock) {
    this.registry = registry;
    this.states = states;
    this.definitions = definitions;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * Pins a scope; works for a scope no alert has touched yet (e.g. close deposits on a chain before
   * a planned upgrade).
   */
  @Transactional
  public Transition override(
      String breaker, String scope, BreakerState state, String who, String why, Instant until) {
    BreakerSpec spec = spec(breaker);
    checkScope(scope);
    Instant now = now();
    ManualOverride o = validated(() -> ManualOverride.of(state, who, why, until, now));
    return writer.force(spec, states.lock(new Key(breaker, scope), now), o);
  }

  /** Hands a pinned scope back to the alerts. */
  @Transactional
  public Transition clear(String breaker, String scope, String who, String why) {
    BreakerSpec spec = spec(breaker);
    Instant now = now();
    // Same rules for who and why as when setting one.
    validated(() -> ManualOverride.of(BreakerState.OPEN, who, why, null, now));
    Key key = new Key(breaker, scope);
    if (states.find(key).map(r -> r.status().override() == null).orElse(true)) {
      throw ProblemException.notFound("override of breaker " + breaker + " for scope", scope);
    }
    Row row = states.lock(key, now);
    return writer.clear(spec, row, who.strip(), why.strip(), now);
  }

  /**
   * Stores a definition (validated first: nothing is stored on bad input) and puts it in force on
   * this replica at once; the others pick it up on their next reload.
   *
   * @return {@code true} when created
   */
  public boolean put(String name, String text) {
    BreakerSpec spec = validated(() -> registry.parse(text));
    if (!spec.name().equals(name)) {
      throw ProblemException.invalidField("name", "must equal the path's name " + name);
    }
    boolean created = definitions.put(name, text, now());
    registry.reload();
    return created;
  }

  public boolean delete(String name) {
    boolean deleted = definitions.delete(name);
    registry.reload();
    return deleted;
  }

  private BreakerSpec spec(String breaker) {
    return registry
        .breaker(breaker)
        .orElseThrow(() -> ProblemException.notFound("breaker", breaker));
  }

  private static void checkScope(String scope) {
    if (scope == null || !SCOPE.matcher(scope).matches()) {
      throw ProblemException.invalidField(
          "scope",
          "1 to 300 characters without /, spaces or control characters, e.g. chain:base-mainnet");
    }
  }

  private static <T> T validated(Supplier<T> s) {
    try {
      return s.get();
    } catch (BreakerSpecException e) {
      throw ProblemException.invalidField(e.field(), e.problem());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
