package io.encaptio.application.internal;

import io.encaptio.domain.shared.ConflictException;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;

/** The identity provider's organization of the current tenant. */
final class CurrentOrganization {

  private CurrentOrganization() {}

  static String id(TenantRegistry registry) {
    String slug = TenantContext.current().slug();
    return registry
        .organizationId(slug)
        .orElseThrow(
            () ->
                new ConflictException("Organization " + slug + " has no identity provider link."));
  }
}
