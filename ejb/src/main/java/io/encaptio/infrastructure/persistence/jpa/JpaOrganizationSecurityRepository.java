package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.user.OrganizationSecurity;
import io.encaptio.domain.user.OrganizationSecurityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class JpaOrganizationSecurityRepository implements OrganizationSecurityRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public OrganizationSecurity get() {
    OrganizationSecurity stored = entityManager.current().find(OrganizationSecurity.class, true);
    return stored != null ? stored : OrganizationSecurity.none();
  }

  @Override
  public void save(OrganizationSecurity security) {
    if (!entityManager.current().contains(security)) {
      entityManager.current().persist(security);
    }
  }
}
