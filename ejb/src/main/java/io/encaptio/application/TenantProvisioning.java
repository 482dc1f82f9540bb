package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.tenancy.application.NewTenant;
import io.encaptio.tenancy.application.TenantRef;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

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
   * @throws io.encaptio.tenancy.domain.InvalidTenantException with what to fix, when the request is
   *     invalid or its slug is taken; nothing is created then
   */
  @Requires(Permission.OPERATE_PLATFORM)
  Provisioned provision(NewTenant request);

  /** Completes an interrupted provisioning run of the tenant. */
  @Requires(Permission.OPERATE_PLATFORM)
  Provisioned completeProvisioning(String slug);

  /** The steps of a provisioning run, in order; each is announced when it is done. */
  enum Step {
    RESERVED(false),
    /** The tenant's schema created with every migration applied. */
    SCHEMA_MIGRATED(false),
    ORGANIZATION_CREATED(true),
    OWNER_INVITED(true),
    ACTIVATED(false);

    private final boolean identityProvider;

    Step(boolean identityProvider) {
      this.identityProvider = identityProvider;
    }

    /** Whether the step is work done by Keycloak (organization, owner) rather than Encaptio. */
    public boolean identityProvider() {
      return identityProvider;
    }
  }

  /**
   * The tenant a run left and how long each step it did took, in order; no steps when the same
   * request had been completed before.
   */
  record Provisioned(TenantRef tenant, Map<Step, Duration> steps) implements Serializable {

    public Provisioned {
      EnumMap<Step, Duration> inOrder = new EnumMap<>(Step.class);
      inOrder.putAll(steps);
      steps = Collections.unmodifiableMap(inOrder);
    }
  }

  /** Fired synchronously after each step (progress, audit; tests use it to interrupt a run). */
  record StepCompleted(String slug, Step step) {}
}
