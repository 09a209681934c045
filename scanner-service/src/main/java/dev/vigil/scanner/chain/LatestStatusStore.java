package dev.vigil.scanner.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.ChainHealthObserved;
import dev.vigil.events.RankedProvider;
import dev.vigil.scanner.persistence.ProbeStatusRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The latest observation of every provider and API, and the latest ranking of every chain, in
 * PostgreSQL, so that a REST call reaching a replica that does not own the chain still answers.
 *
 * <p>Written behind: probes only put their result in a map, and a flush every second writes the
 * newest per provider in one transaction. With 10,000 providers at a 15 s interval that is one
 * transaction a second instead of ~670, and a probe never waits for the database. The REST view
 * lags by at most the flush period; events are not delayed.
 */
@ApplicationScoped
public class LatestStatusStore {

  public static final String PROVIDER = "PROVIDER";
  public static final String API = "API";

  private static final Logger LOG = Logger.getLogger(LatestStatusStore.class);

  private record PendingObservation(String kind, ChainHealthObserved event) {}

  private record PendingRanking(
      String chainId, List<RankedProvider> ranking, List<String> healthy, Instant at) {}

  /** A stored ranking, decoded. */
  public record Ranking(List<RankedProvider> ranking, List<String> healthy, Instant computedAt) {}

  private final Map<String, PendingObservation> observations = new ConcurrentHashMap<>();
  private final Map<String, PendingRanking> rankings = new ConcurrentHashMap<>();
  private final ProbeStatusRepository repository;
  private final ObjectMapper json;

  public LatestStatusStore(ProbeStatusRepository repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  public void observed(String kind, ChainHealthObserved event) {
    observations.merge(
        kind + ":" + event.providerId(),
        new PendingObservation(kind, event),
        (old, fresh) -> old.event().observedAt().isAfter(fresh.event().observedAt()) ? old : fresh);
  }

  public void ranked(
      String chainId, List<RankedProvider> ranking, List<String> healthy, Instant at) {
    rankings.put(chainId, new PendingRanking(chainId, ranking, healthy, at));
  }

  @Scheduled(
      every = "${vigil.scanner.chains.status-flush:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void flush() {
    List<PendingObservation> obs = drain(observations);
    List<PendingRanking> ranks = drain(rankings);
    if (obs.isEmpty() && ranks.isEmpty()) {
      return;
    }
    try {
      QuarkusTransaction.requiringNew().run(() -> write(obs, ranks));
    } catch (RuntimeException e) {
      // Kept for the next flush unless a newer result arrived meanwhile.
      LOG.warnf("could not store %d latest observations: %s", obs.size(), e.toString());
      obs.forEach(o -> observations.putIfAbsent(o.kind() + ":" + o.event().providerId(), o));
      ranks.forEach(r -> rankings.putIfAbsent(r.chainId(), r));
    }
  }

  private void write(List<PendingObservation> obs, List<PendingRanking> ranks) {
    for (PendingObservation o : obs) {
      ChainHealthObserved e = o.event();
      repository.upsertObservation(
          o.kind(), e.providerId(), e.chainId(), e.observedAt(), e.status().name(), toJson(e));
    }
    for (PendingRanking r : ranks) {
      repository.upsertRanking(r.chainId(), toJson(r.ranking()), toJson(r.healthy()), r.at());
    }
  }

  @Transactional
  public Map<String, ChainHealthObserved> latestOfChain(String chainId, String kind) {
    Map<String, ChainHealthObserved> out = new LinkedHashMap<>();
    repository
        .observationsOfChain(chainId, kind)
        .forEach(o -> out.put(o.probeId(), parse(o.json(), ChainHealthObserved.class)));
    return out;
  }

  @Transactional
  public Optional<ChainHealthObserved> latest(String kind, String probeId) {
    return repository
        .observation(kind, probeId)
        .map(o -> parse(o.json(), ChainHealthObserved.class));
  }

  @Transactional
  public Optional<Ranking> ranking(String chainId) {
    return repository
        .ranking(chainId)
        .map(
            r ->
                new Ranking(
                    parse(r.rankingJson(), new TypeReference<List<RankedProvider>>() {}),
                    parse(r.healthyJson(), new TypeReference<List<String>>() {}),
                    r.computedAt()));
  }

  private static <K, V> List<V> drain(Map<K, V> pending) {
    List<V> out = new ArrayList<>();
    for (K key : List.copyOf(pending.keySet())) {
      V value = pending.remove(key);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T parse(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored observation does not parse", e);
    }
  }

  private <T> T parse(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored ranking does not parse", e);
    }
  }
}
