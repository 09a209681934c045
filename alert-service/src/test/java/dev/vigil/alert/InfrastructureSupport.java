package dev.vigil.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Looks into the service's database from tests, to know when an event has been consumed. */
@ApplicationScoped
public class InfrastructureSupport {

  private final EntityManager em;

  public InfrastructureSupport(EntityManager em) {
    this.em = em;
  }

  /** Whether the service's inbox recorded CloudEvent {@code ceId}. */
  public boolean processed(String consumer, String ceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                            em.createNativeQuery(
                                    "select count(*) from processed_event"
                                        + " where consumer = ?1 and event_id = ?2")
                                .setParameter(1, consumer)
                                .setParameter(2, ceId)
                                .getSingleResult())
                        .longValue()
                    > 0);
  }
}
