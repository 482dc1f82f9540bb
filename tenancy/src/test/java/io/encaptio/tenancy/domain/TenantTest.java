package io.encaptio.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

  private static Tenant acme() {
    return Tenant.register(new TenantSlug("acme"), "Acme", "kc-org-1", "starter");
  }

  @Test
  void registeredTenantStartsProvisioning() {
    Tenant tenant = acme();

    assertThat(tenant.status()).isEqualTo(TenantStatus.PROVISIONING);
    assertThat(tenant.slug()).isEqualTo(new TenantSlug("acme"));
    assertThat(tenant.displayName()).isEqualTo("Acme");
    assertThat(tenant.keycloakOrganizationId()).isEqualTo("kc-org-1");
    assertThat(tenant.plan()).isEqualTo("starter");
    assertThat(tenant.createdAt()).isNotNull();
  }

  @Test
  void registeredTenantGetsASchemaDerivedFromItsId() {
    Tenant tenant = acme();

    assertThat(tenant.id()).isNotNull();
    assertThat(tenant.schemaName()).isEqualTo(SchemaName.forTenant(tenant.id()));
  }

  @Test
  void twoRegistrationsOfTheSameSlugNeverShareASchema() {
    assertThat(acme().schemaName()).isNotEqualTo(acme().schemaName());
  }

  @Test
  void activateMakesTheTenantActive() {
    Tenant tenant = acme();

    tenant.activate();
    tenant.activate();

    assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void renameChangesTheDisplayNameAndStripsBlanks() {
    Tenant tenant = acme();

    tenant.rename("  Acme Corporation  ");

    assertThat(tenant.displayName()).isEqualTo("Acme Corporation");
  }

  @Test
  void acceptsNamesOfTwoHundredCharacters() {
    Tenant tenant = acme();

    tenant.rename("n".repeat(200));

    assertThat(tenant.displayName()).hasSize(200);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void rejectsBlankNamesAndKeepsTheOldOne(String blank) {
    Tenant tenant = acme();

    assertThatThrownBy(() -> tenant.rename(blank))
        .isInstanceOf(InvalidTenantException.class)
        .hasMessage("A tenant name has 1 to 200 characters.");
    assertThat(tenant.displayName()).isEqualTo("Acme");
  }

  @Test
  void rejectsNamesLongerThanTwoHundredCharacters() {
    Tenant tenant = acme();

    assertThatThrownBy(() -> tenant.rename("n".repeat(201)))
        .isInstanceOf(InvalidTenantException.class)
        .hasMessage("A tenant name has 1 to 200 characters.");
    assertThat(tenant.displayName()).isEqualTo("Acme");
  }

  @Test
  void cannotBeRegisteredWithoutAName() {
    assertThatThrownBy(() -> Tenant.register(new TenantSlug("acme"), " ", "kc-org-1", "starter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 200 characters");
  }
}
