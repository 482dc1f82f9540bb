package io.encaptio.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {

  @Test
  void derivesTheSchemaFromTheTenantIdAsThirtyTwoHexDigits() {
    UUID id = UUID.fromString("123E4567-E89B-12D3-A456-426614174000");

    SchemaName schema = SchemaName.forTenant(id);

    assertThat(schema.value()).isEqualTo("t_123e4567e89b12d3a456426614174000");
    assertThat(schema).hasToString("t_123e4567e89b12d3a456426614174000");
  }

  @Test
  void generatedNamesPassValidation() {
    for (int i = 0; i < 100; i++) {
      SchemaName generated = SchemaName.forTenant(UUID.randomUUID());

      assertThat(generated.value()).matches("t_[0-9a-f]{32}");
      assertThat(new SchemaName(generated.value())).isEqualTo(generated);
    }
  }

  @Test
  void differentTenantsGetDifferentSchemas() {
    assertThat(SchemaName.forTenant(UUID.randomUUID()))
        .isNotEqualTo(SchemaName.forTenant(UUID.randomUUID()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "public",
        "platform",
        "t_ABC",
        "t_123E4567E89B12D3A456426614174000", // upper-case hex
        "t_123e4567e89b12d3a45642661417400", // 31 digits
        "t_123e4567e89b12d3a4564266141740000", // 33 digits: too long
        "t_123e4567e89b12d3a456426614174000; drop schema platform cascade; --",
        "\"t_123e4567e89b12d3a456426614174000\"",
        "t_123e4567e89b12d3a456426614174000'",
        "pg_catalog",
        ""
      })
  void rejectsNamesThePlatformDidNotGenerate(String name) {
    assertThatThrownBy(() -> new SchemaName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a platform-generated tenant schema name");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> new SchemaName(null)).isInstanceOf(NullPointerException.class);
  }
}
