package dev.vigil.alert.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StoredRuleRepository implements PanacheRepositoryBase<StoredRuleEntity, String> {}
