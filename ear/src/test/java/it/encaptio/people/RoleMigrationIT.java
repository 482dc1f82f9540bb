package it.encaptio.people;

import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.ItEnvironment;
import it.encaptio.support.KeycloakProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Upgrading from the realm-wide roles of earlier versions: a person holding the realm role {@code
 * editor} and belonging to acme and globex becomes editor in those two organizations only, and the
 * realm role is taken away, so no token carries it any more.
 */
class RoleMigrationIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aRealmWideRoleBecomesTheRoleInEachOrganizationOfItsHolderAndNowhereElse() throws Exception {
    ItEnvironment.awaitDemoTenants();
    KeycloakProbe keycloak = KeycloakProbe.fromEnvironment();
    String username = "legacy-" + RUN;
    String id = keycloak.ensureUser(username, "Legacy-" + RUN);
    try {
      keycloak.addMember(keycloak.organizations("acme").get(0).get("id").asText(), id);
      keycloak.addMember(keycloak.organizations("globex").get(0).get("id").asText(), id);
      keycloak.grantRealmRole(id, "editor");

      ItEnvironment.await(
          "the realm role to move into the organizations",
          Duration.ofSeconds(90),
          () -> !realmRoles(id).contains("\"editor\""));
      for (String owner : new String[] {"alice.acme", "grace.globex"}) {
        var person =
            json(
                Members.call("GET", "/api/v1/people/" + id, Members.token(owner), null, null)
                    .body());
        assertThat(person.get("role").asText())
            .as("in the organization of " + owner)
            .isEqualTo("editor");
      }
      assertThat(
              Members.call("GET", "/api/v1/people/" + id, Members.token("ivan.initech"), null, null)
                  .statusCode())
          .as("not a member of initech: no role there")
          .isEqualTo(404);
      String token =
          ItEnvironment.accessToken("encaptio-api", username, "Legacy-" + RUN, Members.SCOPE);
      assertThat(
              ItEnvironment.json(
                      new String(
                          java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                          java.nio.charset.StandardCharsets.UTF_8))
                  .path("groups")
                  .toString())
          .doesNotContain("editor");
    } finally {
      KeycloakProbe.fromEnvironment().deleteUser(id);
    }
  }

  /** The user's realm roles, read with a fresh admin token each time (the wait outlasts one). */
  private static String realmRoles(String id) {
    try {
      String roles = KeycloakProbe.fromEnvironment().realmRoles(id).toString();
      assertThat(roles).contains("default-roles");
      return roles;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
