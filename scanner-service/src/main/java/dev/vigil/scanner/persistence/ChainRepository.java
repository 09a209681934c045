package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ChainRepository implements PanacheRepositoryBase<ChainEntity, String> {

  public List<ChainEntity> listByCreation() {
    return list("order by createdAt, id");
  }

  /**
   * The chain, locked until the transaction ends: every change to a chain or its providers
   * publishes the whole chain, and the lock makes those publications follow the commit order.
   */
  public Optional<ChainEntity> findForUpdate(String id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }
}
