package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ChainProviderRepository implements PanacheRepositoryBase<ChainProviderEntity, String> {

  public List<ChainProviderEntity> ofChain(String chainId) {
    return list("chainId = ?1 order by createdAt, id", chainId);
  }

  public long countOfChain(String chainId) {
    return count("chainId", chainId);
  }

  /** Deletes the chain's providers that are not in {@code keep}. */
  public void deleteOthers(String chainId, Collection<String> keep) {
    if (keep.isEmpty()) {
      delete("chainId", chainId);
    } else {
      delete("chainId = ?1 and id not in ?2", chainId, keep);
    }
  }
}
