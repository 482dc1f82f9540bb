package io.encaptio.domain.user;

/** The current tenant's sign-in rules (one row, made by the tenant's migrations). */
public interface OrganizationSecurityRepository {

  OrganizationSecurity get();
}
