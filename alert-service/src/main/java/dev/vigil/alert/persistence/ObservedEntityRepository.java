package dev.vigil.alert.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The last observation of every entity: the clock of no-data alerts. Native SQL because the write
 * is a batched upsert.
 */
@ApplicationScoped
public class ObservedEntityRepository {

  private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

  private final EntityManager em;
  private final ObjectMapper json;

  public ObservedEntityRepository(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /**
   * An entity's last observation.
   *
   * @param labels the labels its alerts carry, reused by its no-data alert
   */
  public record Row(String source, String entityId, Map<String, String> labels, Instant lastSeen) {}

  /**
   * Records the last observation of many entities in one statement (one round trip, one plan, one
   * executor run in PostgreSQL instead of one per row); a row only moves forward in time. An upsert
   * may not touch the same row twice, so repeats of an entity are merged first, exactly as if the
   * rows were written one after the other: the last labels win, the latest time wins.
   */
  public void seenAll(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Map<List<String>, Row> merged = new LinkedHashMap<>();
    for (Row r : rows) {
      merged.merge(
          List.of(r.source(), r.entityId()),
          r,
          (earlier, later) ->
              later.lastSeen().isBefore(earlier.lastSeen())
                  ? new Row(later.source(), later.entityId(), later.labels(), earlier.lastSeen())
                  : later);
    }
    int n = merged.size();
    String[] sources = new String[n];
    String[] entities = new String[n];
    String[] labels = new String[n];
    String[] times = new String[n];
    int i = 0;
    for (Row r : merged.values()) {
      sources[i] = r.source();
      entities[i] = r.entityId();
      labels[i] = write(r.labels());
      // ISO-8601 text with microseconds: exact, unlike a floating-point epoch
      times[i] = OffsetDateTime.ofInstant(r.lastSeen(), ZoneOffset.UTC).toString();
      i++;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              Array sourceArray = connection.createArrayOf("varchar", sources);
              Array entityArray = connection.createArrayOf("varchar", entities);
              Array labelArray = connection.createArrayOf("text", labels);
              Array timeArray = connection.createArrayOf("text", times);
              try (PreparedStatement upsert =
                  connection.prepareStatement(
                      "insert into observed_entity (source, entity_id, labels, last_seen_at)"
                          + " select s, e, cast(l as jsonb), cast(t as timestamptz)"
                          + " from unnest(?, ?, ?, ?) as r(s, e, l, t)"
                          + " on conflict (source, entity_id) do update set labels = excluded.labels,"
                          + " last_seen_at = greatest(observed_entity.last_seen_at,"
                          + " excluded.last_seen_at)")) {
                upsert.setArray(1, sourceArray);
                upsert.setArray(2, entityArray);
                upsert.setArray(3, labelArray);
                upsert.setArray(4, timeArray);
                upsert.executeUpdate();
              } finally {
                sourceArray.free();
                entityArray.free();
                labelArray.free();
                timeArray.free();
              }
            });
  }

  /** Entities of {@code source} silent since before {@code before} and not yet alerted on. */
  public List<Row> silentSince(String source, Instant before, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select source, entity_id, cast(labels as text), last_seen_at from observed_entity"
                    + " where source = ?1 and last_seen_at < ?2 and (silence_alerted_at is null"
                    + " or silence_alerted_at < last_seen_at) order by last_seen_at limit ?3")
            .setParameter(1, source)
            .setParameter(2, before)
            .setParameter(3, limit)
            .getResultList();
    return rows.stream().map(this::row).toList();
  }

  public Optional<Row> find(String source, String entityId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select source, entity_id, cast(labels as text), last_seen_at from observed_entity"
                    + " where source = ?1 and entity_id = ?2")
            .setParameter(1, source)
            .setParameter(2, entityId)
            .getResultList();
    return rows.stream().findFirst().map(this::row);
  }

  /** Records that the current silence of an entity has its alert. */
  public void silenceAlerted(String source, String entityId, Instant at) {
    em.createNativeQuery(
            "update observed_entity set silence_alerted_at = ?3 where source = ?1 and entity_id = ?2")
        .setParameter(1, source)
        .setParameter(2, entityId)
        .setParameter(3, at)
        .executeUpdate();
  }

  private Row row(Object[] r) {
    return new Row((String) r[0], (String) r[1], read((String) r[2]), instant(r[3]));
  }

  private String write(Map<String, String> labels) {
    try {
      return json.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("labels are not serialisable", e);
    }
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, LABELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("observed_entity.labels is not a JSON object", e);
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
