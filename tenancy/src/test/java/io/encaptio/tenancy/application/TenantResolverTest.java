package io.encaptio.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantSlug;
import io.encaptio.tenancy.domain.TenantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantResolverTest {

  private final Tenant acme = Tenant.register(new TenantSlug("acme"), "Acme", "org-1", "starter");
  private final InMemoryTenantRepository repository = new InMemoryTenantRepository().with(acme);
  private final InMemoryTenantCache cache = new InMemoryTenantCache();
  private final TenantResolver resolver = new TenantResolver();

  @BeforeEach
  void wire() {
    acme.activate();
    resolver.tenants = repository;
    resolver.cache = cache;
  }

  @Test
  void resolvesARegisteredOrganizationAlias() {
    assertThat(resolver.byOrganizationAlias("acme"))
        .hasValueSatisfying(
            tenant -> {
              assertThat(tenant.id()).isEqualTo(acme.id());
              assertThat(tenant.slug()).isEqualTo("acme");
              assertThat(tenant.schemaName()).isEqualTo(acme.schemaName());
              assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
            });
  }

  @Test
  void aSecondLookupIsServedFromTheCache() {
    TenantRef first = resolver.byOrganizationAlias("acme").orElseThrow();
    TenantRef second = resolver.byOrganizationAlias("acme").orElseThrow();

    assertThat(second).isEqualTo(first);
    assertThat(repository.lookups).isEqualTo(1);
    assertThat(cache.entries).containsEntry("acme", first);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "ACME", "acme'; drop schema platform; --", "../acme"})
  void malformedAliasResolvesToNothingWithoutQueryingTheDatabase(String alias) {
    assertThat(resolver.byOrganizationAlias(alias)).isEmpty();
    assertThat(repository.lookups).isZero();
  }

  @Test
  void unknownAliasResolvesToNothingAndIsNotCached() {
    assertThat(resolver.byOrganizationAlias("globex")).isEmpty();
    assertThat(cache.entries).doesNotContainKey("globex");
  }
}
