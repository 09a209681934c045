package dev.vigil.incident.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SlaTierRepository implements PanacheRepositoryBase<SlaTierEntity, String> {}
