package dev.vigil.alert.service.breaker;

import dev.vigil.alert.domain.breaker.BreakerFile;
import dev.vigil.alert.domain.breaker.BreakerSpec;
import dev.vigil.alert.domain.breaker.FiringAlert;
import dev.vigil.alert.domain.breaker.ManualOverride;
import dev.vigil.alert.persistence.breaker.BreakerHistoryRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Key;
import dev.vigil.alert.persistence.breaker.BreakerStateRepository.Row;
import dev.vigil.events.BreakerState;
import dev.vigil.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of the breakers for the REST API. */
@ApplicationScoped
public class BreakerQueries {

  /** A breaker scope as stored now. */
  public record ScopeView(
      String breaker,
      String scope,
      BreakerState state,
      Instant since,
      Instant openedAt,
      long sequence,
      Instant nextCheckAt,
      ManualOverride override,
      List<FiringAlert> firing) {}

  /** One recorded change. */
  public record ChangeView(
      String scope,
      long sequence,
      String from,
      String to,
      String cause,
      String actor,
      String reason,
      List<FiringAlert> alerts,
      Instant at) {}

  private final BreakerRegistry registry;
  private final BreakerStateRepository states;
  private final BreakerHistoryRepository history;

  public BreakerQueries(
      BreakerRegistry registry, BreakerStateRepository states, BreakerHistoryRepository history) {
    this.registry = registry;
    this.states = states;
    this.history = history;
  }

  /** The breakers in force with every scope they hold, by name. */
  @Transactional
  public Map<BreakerSpec, List<ScopeView>> all() {
    Map<String, BreakerSpec> specs = registry.current();
    Map<BreakerSpec, List<ScopeView>> out = new LinkedHashMap<>();
    specs.values().forEach(s -> out.put(s, new ArrayList<>()));
    for (Row row : states.all(specs.keySet())) {
      out.get(specs.get(row.breaker())).add(view(row));
    }
    return out;
  }

  @Transactional
  /** Where a breaker in force comes from: {@code classpath:...}, a file name, or {@code rest}. */
  public String origin(String name) {
    BreakerRegistry.Source s = registry.sources().get(name);
    return s == null ? null : s.origin();
  }

  /** The shipped pack and the files of the breakers directory, each with its problems. */
  public List<BreakerFile> files() {
    return registry.files();
  }

  public BreakerSpec breaker(String name) {
    return registry.breaker(name).orElseThrow(() -> ProblemException.notFound("breaker", name));
  }

  @Transactional
  public List<ScopeView> scopes(String name) {
    breaker(name);
    return states.all(List.of(name)).stream().map(this::view).toList();
  }

  @Transactional
  public ScopeView scope(String name, String scope) {
    breaker(name);
    return states
        .find(new Key(name, scope))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("scope of breaker " + name, scope));
  }

  /** Newest first; all scopes when {@code scope} is {@code null}. */
  @Transactional
  public List<ChangeView> history(String name, String scope, int limit) {
    breaker(name);
    return history.latest(name, scope, limit).stream()
        .map(
            e ->
                new ChangeView(
                    e.scope(),
                    e.sequence(),
                    e.from(),
                    e.to(),
                    e.cause(),
                    e.actor(),
                    e.reason(),
                    e.alerts(),
                    e.at()))
        .toList();
  }

  private ScopeView view(Row row) {
    return new ScopeView(
        row.breaker(),
        row.scope(),
        row.status().state(),
        row.status().since(),
        row.status().openedAt(),
        row.status().sequence(),
        row.nextCheckAt(),
        row.status().override(),
        states.firing(new Key(row.breaker(), row.scope())));
  }
}
