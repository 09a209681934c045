package dev.vigil.scanner.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<TargetEntity, String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  public List<TargetEntity> listByCreation() {
    return list("order by createdAt, id");
  }

  /**
   * Inserts or updates a target definition in one statement. The REST path and the topic consumer
   * can write the same target at the same moment; {@code on conflict} makes the second writer wait
   * for the first and then update, instead of failing on the primary key.
   */
  public void upsertDefinition(
      String id,
      String host,
      int port,
      String serverName,
      String starttls,
      boolean allAddresses,
      Map<String, String> labels,
      Long intervalSeconds,
      String registeredBy,
      Instant at,
      Integer warningDays,
      Integer criticalDays,
      Integer lifetimePercent) {
    getEntityManager()
        .createNativeQuery(
            """
            insert into scan_target (id, host, port, server_name, labels, interval_seconds,
                                     registered_by, created_at, updated_at, last_findings,
                                     starttls, all_addresses, warning_days, critical_days,
                                     lifetime_percent)
            values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8, ?8, '[]'::jsonb, ?9, ?10,
                    ?11, ?12, ?13)
            on conflict (id) do update set host = excluded.host, port = excluded.port,
                server_name = excluded.server_name, labels = excluded.labels,
                starttls = excluded.starttls, all_addresses = excluded.all_addresses,
                interval_seconds = excluded.interval_seconds,
                registered_by = excluded.registered_by, updated_at = excluded.updated_at,
                warning_days = excluded.warning_days, critical_days = excluded.critical_days,
                lifetime_percent = excluded.lifetime_percent
            """)
        .setParameter(1, id)
        .setParameter(2, host)
        .setParameter(3, port)
        .setParameter(4, serverName)
        .setParameter(5, json(labels))
        .setParameter(6, intervalSeconds)
        .setParameter(7, registeredBy)
        .setParameter(8, at)
        .setParameter(9, starttls)
        .setParameter(10, allAddresses)
        .setParameter(11, warningDays)
        .setParameter(12, criticalDays)
        .setParameter(13, lifetimePercent)
        .executeUpdate();
  }

  private static String json(Map<String, String> labels) {
    try {
      return JSON.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
