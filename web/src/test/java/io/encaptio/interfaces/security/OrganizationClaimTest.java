package io.encaptio.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

  @Test
  void readsAJavaListOfAliasesSorted() {
    assertThat(OrganizationClaim.aliases(List.of("globex", "acme")))
        .containsExactly("acme", "globex");
  }

  @Test
  void readsAJsonArrayOfAliases() {
    JsonArray claim = Json.createArrayBuilder().add("globex").add("acme").build();

    assertThat(OrganizationClaim.aliases(claim)).containsExactly("acme", "globex");
  }

  @Test
  void readsTheKeysOfAMapKeyedByAlias() {
    Map<String, Object> claim =
        Map.of("acme", Map.of("id", "org-1"), "globex", Map.of("id", "org-2"));

    assertThat(OrganizationClaim.aliases(claim)).containsExactly("acme", "globex");
  }

  @Test
  void readsTheKeysOfAJsonObjectKeyedByAlias() {
    JsonObject claim =
        Json.createObjectBuilder()
            .add("globex", Json.createObjectBuilder().add("id", "org-2"))
            .add("acme", Json.createObjectBuilder().add("id", "org-1"))
            .build();

    assertThat(OrganizationClaim.aliases(claim)).containsExactly("acme", "globex");
  }

  @Test
  void readsAJsonArrayHandedOverAsText() {
    assertThat(OrganizationClaim.aliases("[\"acme\",\"globex\"]"))
        .containsExactly("acme", "globex");
  }

  @Test
  void readsAJsonObjectHandedOverAsText() {
    assertThat(OrganizationClaim.aliases("{\"acme\":{\"id\":\"org-1\"}}")).containsExactly("acme");
  }

  @Test
  void readsASingleAlias() {
    assertThat(OrganizationClaim.aliases("acme")).containsExactly("acme");
    assertThat(OrganizationClaim.aliases(Json.createValue("acme"))).containsExactly("acme");
  }

  @Test
  void noClaimMeansNoOrganization() {
    assertThat(OrganizationClaim.aliases(null)).isEmpty();
    assertThat(OrganizationClaim.aliases("  ")).isEmpty();
    assertThat(OrganizationClaim.aliases(List.of())).isEmpty();
  }
}
