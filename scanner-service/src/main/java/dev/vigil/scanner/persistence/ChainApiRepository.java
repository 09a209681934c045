package dev.vigil.scanner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChainApiRepository implements PanacheRepositoryBase<ChainApiEntity, String> {

  public List<ChainApiEntity> listByCreation() {
    return list("order by createdAt, id");
  }
}
