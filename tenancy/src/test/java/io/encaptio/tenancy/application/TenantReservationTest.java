package io.encaptio.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.TenantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's provisioning request: refused with what to fix, or reserved exactly once. */
class TenantReservationTest {

  private final InMemoryTenantRepository repository = new InMemoryTenantRepository();
  private final TenantRegistry registry = new TenantRegistry();

  @BeforeEach
  void wire() {
    TenantResolver resolver = new TenantResolver();
    resolver.tenants = repository;
    resolver.cache = new InMemoryTenantCache();
    registry.tenants = repository;
    registry.resolver = resolver;
    registry.servers = new InMemoryDatabaseServers();
    registry.storage = (server, schema) -> 0;
  }

  private static NewTenant request(String slug, String name) {
    return new NewTenant(slug, name, null, "owner@hooli.example", "Gavin Belson");
  }

  @Test
  void reservesAValidRequestAsAProvisioningTenantWithItsOwner() {
    TenantRef hooli = registry.reserve(request("hooli", "Hooli"));

    assertThat(hooli.status()).isEqualTo(TenantStatus.PROVISIONING);
    assertThat(registry.unfinishedProvisioning("hooli"))
        .contains(
            new NewTenant("hooli", "Hooli", "starter", "owner@hooli.example", "Gavin Belson"));
  }

  @Test
  void theSameRequestAgainResumesInsteadOfDuplicating() {
    TenantRef first = registry.reserve(request("hooli", "Hooli"));
    TenantRef again = registry.reserve(request("hooli", "Hooli"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(repository.findAll()).hasSize(1);
  }

  @Test
  void aTakenSlugIsRefusedWithTheOwnerOfIt() {
    registry.reserve(request("hooli", "Hooli"));

    assertThatThrownBy(
            () -> registry.reserve(new NewTenant("hooli", "Other", null, "x@other.example", "X Y")))
        .isInstanceOfSatisfying(
            InvalidTenantException.class,
            e -> assertThat(e.problems().get("slug")).contains("'hooli' is taken by Hooli"));
    assertThat(repository.findAll()).hasSize(1);
  }

  @Test
  void invalidCharactersSqlAndOverLongNamesAreRefusedAndNothingIsCreated() {
    NewTenant bad =
        new NewTenant(
            "x'; drop schema platform cascade; --", "n".repeat(201), null, "not-an-email", " ");

    assertThatThrownBy(() -> registry.reserve(bad))
        .isInstanceOfSatisfying(
            InvalidTenantException.class,
            e -> {
              assertThat(e.problems()).containsOnlyKeys("slug", "name", "ownerEmail", "ownerName");
              assertThat(e.problems().get("slug"))
                  .contains("lower-case letters, digits and hyphens");
              assertThat(e.problems().get("name")).contains("201 characters; at most 200");
            });
    assertThat(repository.findAll()).isEmpty();
  }

  @Test
  void upperCaseSlugIsRefused() {
    assertThat(request("Hooli", "Hooli").problems()).containsKey("slug");
  }
}
