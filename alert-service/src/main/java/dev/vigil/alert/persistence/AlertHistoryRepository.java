package dev.vigil.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertHistoryRepository implements PanacheRepositoryBase<AlertHistoryEntity, Long> {

  public List<AlertHistoryEntity> ofAlert(String fingerprint, int limit) {
    return find("fingerprint", Sort.ascending("id"), fingerprint).page(Page.ofSize(limit)).list();
  }
}
