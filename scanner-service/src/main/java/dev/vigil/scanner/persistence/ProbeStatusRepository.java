package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Latest observation per provider or API, and latest ranking per chain. Rows are written by the
 * owning replica and read by any; an older write never overwrites a newer one (a partition that
 * just moved may have two writers for a moment).
 */
@ApplicationScoped
public class ProbeStatusRepository {

  /** A stored observation: the {@code ChainHealthObserved} JSON. */
  public record StoredObservation(String probeId, String chainId, String status, String json) {}

  /** A stored ranking: {@code RankedProvider} list and healthy ids, both JSON. */
  public record StoredRanking(String rankingJson, String healthyJson, Instant computedAt) {}

  private EntityManager em() {
    return Panache.getEntityManager();
  }

  public void upsertObservation(
      String kind, String probeId, String chainId, Instant observedAt, String status, String json) {
    em().createNativeQuery(
            """
            insert into chain_probe_status (kind, probe_id, chain_id, observed_at, status, observation)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (kind, probe_id) do update set chain_id = excluded.chain_id,
                observed_at = excluded.observed_at, status = excluded.status,
                observation = excluded.observation
            where chain_probe_status.observed_at <= excluded.observed_at
            """)
        .setParameter(1, kind)
        .setParameter(2, probeId)
        .setParameter(3, chainId)
        .setParameter(4, observedAt)
        .setParameter(5, status)
        .setParameter(6, json)
        .executeUpdate();
  }

  public void upsertRanking(String chainId, String rankingJson, String healthyJson, Instant at) {
    em().createNativeQuery(
            """
            insert into chain_ranking (chain_id, ranking, healthy, computed_at)
            values (?1, ?2, ?3, ?4)
            on conflict (chain_id) do update set ranking = excluded.ranking,
                healthy = excluded.healthy, computed_at = excluded.computed_at
            where chain_ranking.computed_at <= excluded.computed_at
            """)
        .setParameter(1, chainId)
        .setParameter(2, rankingJson)
        .setParameter(3, healthyJson)
        .setParameter(4, at)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<StoredObservation> observationsOfChain(String chainId, String kind) {
    List<Object[]> rows =
        em().createNativeQuery(
                """
                select probe_id, chain_id, status, observation from chain_probe_status
                where chain_id = ?1 and kind = ?2 order by probe_id
                """)
            .setParameter(1, chainId)
            .setParameter(2, kind)
            .getResultList();
    return rows.stream()
        .map(r -> new StoredObservation((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public Optional<StoredObservation> observation(String kind, String probeId) {
    List<Object[]> rows =
        em().createNativeQuery(
                """
                select probe_id, chain_id, status, observation from chain_probe_status
                where kind = ?1 and probe_id = ?2
                """)
            .setParameter(1, kind)
            .setParameter(2, probeId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r -> new StoredObservation((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
  }

  @SuppressWarnings("unchecked")
  public Optional<StoredRanking> ranking(String chainId) {
    List<Object[]> rows =
        em().createNativeQuery(
                "select ranking, healthy, computed_at from chain_ranking where chain_id = ?1")
            .setParameter(1, chainId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new StoredRanking((String) r[0], (String) r[1], toInstant(r[2])));
  }

  public void deleteOf(String kind, String probeId) {
    em().createNativeQuery("delete from chain_probe_status where kind = ?1 and probe_id = ?2")
        .setParameter(1, kind)
        .setParameter(2, probeId)
        .executeUpdate();
  }

  public void deleteChain(String chainId) {
    em().createNativeQuery(
            "delete from chain_probe_status where kind = 'PROVIDER' and chain_id = ?1")
        .setParameter(1, chainId)
        .executeUpdate();
    em().createNativeQuery("delete from chain_ranking where chain_id = ?1")
        .setParameter(1, chainId)
        .executeUpdate();
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
