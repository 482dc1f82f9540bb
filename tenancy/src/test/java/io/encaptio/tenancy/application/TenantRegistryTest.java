package io.encaptio.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.tenancy.domain.TenantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

  private final InMemoryTenantRepository repository = new InMemoryTenantRepository();
  private final InMemoryTenantCache cache = new InMemoryTenantCache();
  private final TenantResolver resolver = new TenantResolver();
  private final TenantRegistry registry = new TenantRegistry();

  @BeforeEach
  void wire() {
    resolver.tenants = repository;
    resolver.cache = cache;
    resolver.evictions = new Evictions();
    registry.tenants = repository;
    registry.resolver = resolver;
    registry.servers = new InMemoryDatabaseServers();
    registry.storage = (server, schema) -> 0;
  }

  @Test
  void registersANewOrganizationAsAProvisioningTenant() {
    TenantRef acme =
        registry.registerOrganization(new Organization("org-1", "acme", "Acme", true)).tenant();

    assertThat(acme.slug()).isEqualTo("acme");
    assertThat(acme.displayName()).isEqualTo("Acme");
    assertThat(acme.status()).isEqualTo(TenantStatus.PROVISIONING);
    assertThat(repository.findAll()).hasSize(1);
  }

  @Test
  void onlyTenantsNotKnownToBeAtTheLatestVersionNeedMigration() {
    for (String slug : new String[] {"current", "older", "failed", "fresh", "leaving"}) {
      registry.registerOrganization(new Organization("org-" + slug, slug, slug, true));
    }
    registry.migrationSucceeded("current", "3");
    registry.migrationSucceeded("older", "2");
    registry.migrationStarted("failed");
    registry.migrationFailed("failed", "relation already exists");
    registry.migrationSucceeded("leaving", "3");
    registry.activate("leaving");
    registry.suspend("leaving", "closing");
    registry.markDeleting("leaving");

    assertThat(registry.needingMigration("3"))
        .extracting(TenantRef::slug)
        .containsExactlyInAnyOrder("older", "failed", "fresh");
  }

  @Test
  void anOrganizationWithoutANameIsNamedAfterItsAlias() {
    TenantRef acme =
        registry.registerOrganization(new Organization("org-1", "acme", null, true)).tenant();

    assertThat(acme.displayName()).isEqualTo("acme");
  }

  @Test
  void registeringTheSameOrganizationTwiceKeepsOneTenant() {
    Organization organization = new Organization("org-1", "acme", "Acme", true);

    TenantRef first = registry.registerOrganization(organization).tenant();
    TenantRef second = registry.registerOrganization(organization).tenant();

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.schemaName()).isEqualTo(first.schemaName());
    assertThat(repository.findAll()).hasSize(1);
  }

  @Test
  void aRenamedOrganizationRenamesItsTenant() {
    TenantRef before =
        registry.registerOrganization(new Organization("org-1", "acme", "Acme", true)).tenant();

    TenantRef after =
        registry
            .registerOrganization(new Organization("org-1", "acme", "Acme Corporation", true))
            .tenant();

    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.displayName()).isEqualTo("Acme Corporation");
    assertThat(repository.findAll()).hasSize(1);
  }

  @Test
  void registeringEvictsTheCachedTenantSoTheNewNameIsServed() {
    registry.registerOrganization(new Organization("org-1", "acme", "Acme", true)).tenant();
    assertThat(resolver.byOrganizationAlias("acme"))
        .get()
        .extracting(TenantRef::displayName)
        .isEqualTo("Acme");

    registry
        .registerOrganization(new Organization("org-1", "acme", "Acme Corporation", true))
        .tenant();

    assertThat(cache.entries).doesNotContainKey("acme");
    assertThat(resolver.byOrganizationAlias("acme"))
        .get()
        .extracting(TenantRef::displayName)
        .isEqualTo("Acme Corporation");
  }

  @Test
  void activatingEvictsTheCachedTenantSoItIsServedAsActive() {
    registry.registerOrganization(new Organization("org-1", "acme", "Acme", true)).tenant();
    assertThat(resolver.byOrganizationAlias("acme").orElseThrow().isActive()).isFalse();

    registry.activate("acme");

    assertThat(resolver.byOrganizationAlias("acme").orElseThrow().isActive()).isTrue();
  }
}
