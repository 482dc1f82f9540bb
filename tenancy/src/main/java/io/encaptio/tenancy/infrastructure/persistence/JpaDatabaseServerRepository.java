package io.encaptio.tenancy.infrastructure.persistence;

import io.encaptio.tenancy.domain.DatabaseServer;
import io.encaptio.tenancy.domain.DatabaseServerRepository;
import io.encaptio.tenancy.domain.Placement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaDatabaseServerRepository implements DatabaseServerRepository {

  @PersistenceContext(unitName = "platform")
  EntityManager em;

  @Override
  public Optional<DatabaseServer> find(String name) {
    return Optional.ofNullable(em.find(DatabaseServer.class, name));
  }

  @Override
  public void add(DatabaseServer server) {
    em.persist(server);
  }

  @Override
  public List<Placement.Load> loads() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT s.name, s.weight, count(t.id) FROM platform.database_servers s"
                    + " LEFT JOIN platform.tenants t ON t.database_server = s.name"
                    + " GROUP BY s.name, s.weight ORDER BY s.name")
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Placement.Load(
                    (String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()))
        .toList();
  }
}
