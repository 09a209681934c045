package dev.vigil.scanner.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Transaction-scoped PostgreSQL advisory locks on inventory groups (a target, a name set, a key),
 * so that two scans touching the same group run their cross-checks one after the other and the
 * second sees the first's rows. Taken in ascending order, so two transactions cannot deadlock.
 */
@ApplicationScoped
public class InventoryLocks {

  private final EntityManager em;

  public InventoryLocks(EntityManager em) {
    this.em = em;
  }

  /** Blocks until every key is held; all are released at commit or rollback. */
  public void lock(Collection<String> keys) {
    TreeSet<Long> ids = new TreeSet<>();
    keys.forEach(k -> ids.add(id(k)));
    for (long id : ids) {
      em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:id)) as held")
          .setParameter("id", id)
          .getSingleResult();
    }
  }

  private static long id(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
