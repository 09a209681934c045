package dev.vigil.incident.persistence;

import dev.vigil.incident.domain.sla.ReportPeriod;
import dev.vigil.incident.domain.sla.SlaTier;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** SLA tiers and closed reporting periods. Callers provide the transaction. */
@ApplicationScoped
public class SlaStore {

  private final SlaTierRepository tiers;
  private final EntityManager em;

  public SlaStore(SlaTierRepository tiers, EntityManager em) {
    this.tiers = tiers;
    this.em = em;
  }

  public List<SlaTier> tiers() {
    return tiers.listAll(Sort.ascending("tier")).stream().map(SlaTierEntity::toDomain).toList();
  }

  /** Inserts or replaces a tier; returns whether it was new. */
  public boolean save(SlaTier tier, Instant now) {
    SlaTierEntity row = tiers.findById(tier.tier());
    boolean created = row == null;
    if (created) {
      row = new SlaTierEntity();
      row.copyFrom(tier, now);
      tiers.persist(row);
    } else {
      row.copyFrom(tier, now);
    }
    return created;
  }

  public boolean deleteTier(String tier) {
    return tiers.deleteById(tier);
  }

  public boolean closed(String periodId) {
    return em.find(SlaPeriodEntity.class, periodId) != null;
  }

  /**
   * Marks a period closed. A concurrent close by another replica makes the transaction fail on the
   * primary key, which rolls back its event too: the period is announced once.
   */
  public void markClosed(String periodId, ReportPeriod period, Instant now) {
    SlaPeriodEntity row = new SlaPeriodEntity();
    row.periodId = periodId;
    row.periodStart = period.start();
    row.periodEnd = period.end();
    row.computedAt = now;
    em.persist(row);
  }
}
