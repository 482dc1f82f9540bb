package io.encaptio.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import org.junit.jupiter.api.Test;

/** The tenant unit each tenant's factory is made of is the one persistence.xml declares. */
class TenantPersistenceUnitTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void readsTheTenantUnitAsPersistenceXmlDeclaresIt() {
    TenantPersistenceUnit unit = TenantPersistenceUnit.read("tenant", loader, null);

    assertThat(unit.getPersistenceUnitName()).isEqualTo("tenant");
    assertThat(unit.getTransactionType()).isEqualTo(PersistenceUnitTransactionType.JTA);
    assertThat(unit.getManagedClassNames())
        .contains(
            "io.encaptio.domain.capsule.Capsule",
            "io.encaptio.domain.ai.Message",
            "io.encaptio.domain.capsule.CapsuleSettingsConverter")
        .doesNotHaveDuplicates();
    assertThat(unit.getMappingFileNames()).containsExactly("META-INF/tenant-orm.xml");
    assertThat(unit.excludeUnlistedClasses()).isTrue();
    assertThat(unit.getSharedCacheMode())
        .as("no entity may cross tenants through a shared cache")
        .isEqualTo(SharedCacheMode.NONE);
    assertThat(unit.getValidationMode()).isEqualTo(ValidationMode.AUTO);
    assertThat(unit.getPersistenceXMLSchemaVersion()).isEqualTo("3.0");
    assertThat(unit.getProperties().getProperty("eclipselink.target-database"))
        .isEqualTo("PostgreSQL");
    assertThat(unit.getPersistenceUnitRootUrl().toExternalForm()).doesNotContain("META-INF");
    assertThat(loader.getResource("META-INF/tenant-orm.xml"))
        .as("the mapping file is found from the unit's class loader")
        .isNotNull();
  }

  @Test
  void everyEntityOfTheTenantUnitIsMappedPerTenantInTheMappingFile() throws Exception {
    TenantPersistenceUnit unit = TenantPersistenceUnit.read("tenant", loader, null);
    String mapping =
        new String(
            loader.getResourceAsStream("META-INF/tenant-orm.xml").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);

    for (String name : unit.getManagedClassNames()) {
      if (Class.forName(name).isAnnotationPresent(jakarta.persistence.Entity.class)) {
        assertThat(mapping)
            .as(name + " needs its TABLE_PER_TENANT entry, else it would be read from public")
            .contains("<entity class=\"" + name + "\">");
      }
    }
  }

  @Test
  void anUnknownUnitIsRefusedByName() {
    assertThatThrownBy(() -> TenantPersistenceUnit.read("tenants", loader, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'tenants'");
  }

  @Test
  void neverWeaves() {
    TenantPersistenceUnit unit = TenantPersistenceUnit.read("tenant", loader, null);

    assertThatThrownBy(() -> unit.addTransformer(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
