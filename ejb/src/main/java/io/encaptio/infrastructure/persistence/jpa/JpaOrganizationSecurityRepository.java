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
    return entityManager.current().find(OrganizationSecurity.class, true);
  }
}
