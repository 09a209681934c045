package dev.vigil.scanner.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.events.CertificateSummary;
import dev.vigil.scanner.domain.inventory.CertificateQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class InventoryCertificateRepository
    implements PanacheRepositoryBase<InventoryCertificateEntity, String> {

  private final ObjectMapper json;

  public InventoryCertificateRepository(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Adds a certificate unless it is known. Native, because two scans may meet the same intermediate
   * at once: {@code on conflict do nothing} lets both go on without an error.
   */
  public void insertIfAbsent(CertificateSummary c, String nameKey, Instant seen) {
    getEntityManager()
        .createNativeQuery(
            "insert into inventory_certificate (sha256, spki_sha256, subject, issuer,"
                + " serial_number, not_before, not_after, public_key_algorithm, public_key_bits,"
                + " signature_algorithm, subject_alt_names, self_signed, certificate_authority,"
                + " name_key, first_seen, last_seen) values (:sha, :spki, :subject, :issuer,"
                + " :serial, :notBefore, :notAfter, :keyAlgorithm, :keyBits, :signature,"
                + " cast(:sans as jsonb), :selfSigned, :ca, :nameKey, :seen, :seen)"
                + " on conflict (sha256) do nothing")
        .unwrap(NativeQuery.class)
        .setParameter("sha", c.sha256Fingerprint())
        .setParameter("spki", c.spkiSha256())
        .setParameter("subject", c.subject())
        .setParameter("issuer", c.issuer())
        .setParameter("serial", c.serialNumber())
        .setParameter("notBefore", c.notBefore())
        .setParameter("notAfter", c.notAfter())
        // Typed, because a bare null would reach PostgreSQL as bytea.
        .setParameter("keyAlgorithm", c.publicKeyAlgorithm(), String.class)
        .setParameter("keyBits", c.publicKeyBits(), Integer.class)
        .setParameter("signature", c.signatureAlgorithm(), String.class)
        .setParameter("sans", toJson(c.subjectAltNames()))
        .setParameter("selfSigned", c.selfSigned())
        .setParameter("ca", c.certificateAuthority())
        .setParameter("nameKey", nameKey)
        .setParameter("seen", seen)
        .executeUpdate();
  }

  /** End-entity certificates with one of the name keys or one of the keys. */
  public List<InventoryCertificateEntity> endEntitiesSharing(
      Collection<String> nameKeys, Collection<String> spkis) {
    List<InventoryCertificateEntity> out = new ArrayList<>();
    Map<String, InventoryCertificateEntity> unique = new LinkedHashMap<>();
    if (!nameKeys.isEmpty()) {
      out.addAll(list("certificateAuthority = false and nameKey in ?1", nameKeys));
    }
    if (!spkis.isEmpty()) {
      out.addAll(list("certificateAuthority = false and spkiSha256 in ?1", spkis));
    }
    out.forEach(c -> unique.putIfAbsent(c.sha256, c));
    return List.copyOf(unique.values());
  }

  /** One page of certificates matching {@code q}, soonest expiry first. */
  @SuppressWarnings("unchecked")
  public List<InventoryCertificateEntity> search(CertificateQuery q, Instant now) {
    Filter filter = filter(q, now);
    Query query =
        getEntityManager()
            .createNativeQuery(
                "select c.* from inventory_certificate c"
                    + filter.where()
                    + " order by c.not_after, c.sha256 limit :limit offset :offset",
                InventoryCertificateEntity.class);
    filter.parameters().forEach(query::setParameter);
    return query
        .setParameter("limit", q.size())
        .setParameter("offset", (long) q.page() * q.size())
        .getResultList();
  }

  public long count(CertificateQuery q, Instant now) {
    Filter filter = filter(q, now);
    Query query =
        getEntityManager()
            .createNativeQuery("select count(*) from inventory_certificate c" + filter.where());
    filter.parameters().forEach(query::setParameter);
    return ((Number) query.getSingleResult()).longValue();
  }

  private record Filter(String where, Map<String, Object> parameters) {}

  private Filter filter(CertificateQuery q, Instant now) {
    List<String> clauses = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (q.expiringWithinDays() != null) {
      // daysLeft <= N  <=>  notAfter < now + (N + 1) days; already expired ones match too.
      clauses.add("c.not_after < :cutoff");
      parameters.put("cutoff", now.plus(Duration.ofDays(q.expiringWithinDays() + 1L)));
    }
    if (q.finding() != null) {
      clauses.add("c.finding_codes @> cast(:finding as jsonb)");
      parameters.put("finding", toJson(List.of(q.finding())));
    }
    if (q.issuer() != null) {
      clauses.add("lower(c.issuer) like :issuer escape '\\'");
      parameters.put("issuer", "%" + likeEscape(q.issuer().toLowerCase(Locale.ROOT)) + "%");
    }
    for (int i = 0; i < q.labels().size(); i++) {
      CertificateQuery.LabelMatch label = q.labels().get(i);
      clauses.add(atLocation("l.labels @> cast(:label" + i + " as jsonb)"));
      parameters.put("label" + i, toJson(Map.of(label.key(), label.value())));
    }
    if (q.source() != null) {
      clauses.add(atLocation("l.kind = :source"));
      parameters.put("source", q.source());
    }
    if (q.inUse() != null) {
      clauses.add((q.inUse() ? "" : "not ") + atLocation("l.current"));
    }
    String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    return new Filter(where, parameters);
  }

  private static String atLocation(String condition) {
    return "exists (select 1 from inventory_location l where l.certificate_sha256 = c.sha256"
        + " and "
        + condition
        + ")";
  }

  private static String likeEscape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
