package io.encaptio.application;

import io.encaptio.tenancy.application.NewTenant;
import io.encaptio.tenancy.application.TenantRef;

/**
 * Provisions a tenant end to end: registry entry, schema, migrations, Keycloak organization and
 * first owner (a Keycloak user in the organization with a set-password action pending).
 *
 * <p>Every step is idempotent and the request is kept in the registry, so a run that died half way
 * is completed by {@link #completeProvisioning}, or by provisioning the same request again: nothing
 * is left half-made and nothing is duplicated.
 */
public interface TenantProvisioning {

  /**
   * @throws io.encaptio.tenancy.application.InvalidTenantException with what to fix, when the
   *     request is invalid or its slug is taken; nothing is created then
   */
  TenantRef provision(NewTenant request);

  /** Completes an interrupted provisioning run of the tenant. */
  TenantRef completeProvisioning(String slug);

  /** The steps of a provisioning run, in order; each is announced when it is done. */
  enum Step {
    RESERVED,
    SCHEMA_CREATED,
    SCHEMA_MIGRATED,
    ORGANIZATION_CREATED,
    OWNER_INVITED,
    ACTIVATED
  }

  /** Fired synchronously after each step (progress, audit; tests use it to interrupt a run). */
  record StepCompleted(String slug, Step step) {}
}
