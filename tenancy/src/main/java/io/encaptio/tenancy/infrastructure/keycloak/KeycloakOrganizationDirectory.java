package io.encaptio.tenancy.infrastructure.keycloak;

import io.encaptio.tenancy.application.IdentityProviderUnavailableException;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keycloak's organizations through its admin REST API, with the backend client's service account.
 * The few calls needed go through the server's own JAX-RS client ({@link KeycloakAdminSession});
 * keycloak-admin-client would bring a second RESTEasy and Jackson into the EAR beside Liberty's.
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

  private static final int PAGE = 100;
  static final String OWNER_ROLE = "owner";

  @Inject KeycloakAdminSession.Factory sessions;

  @Override
  public List<Organization> organizations() {
    return call(
        "list the organizations",
        admin -> {
          List<Organization> result = new ArrayList<>();
          for (int first = 0; ; first += PAGE) {
            JsonArray page =
                admin.get("organizations?briefRepresentation=true&first=" + first + "&max=" + PAGE);
            page.getValuesAs(JsonObject.class).forEach(o -> result.add(toOrganization(o)));
            if (page.size() < PAGE) {
              return result;
            }
          }
        });
  }

  @Override
  public Organization ensureOrganization(String alias, String name, String domain) {
    return call(
        "create organization " + alias,
        admin -> {
          Optional<Organization> existing = find(admin, alias);
          if (existing.isPresent()) {
            return existing.get();
          }
          admin.post(
              "organizations",
              Json.createObjectBuilder()
                  .add("name", name)
                  .add("alias", alias)
                  .add("enabled", true)
                  .add(
                      "domains",
                      Json.createArrayBuilder()
                          .add(
                              Json.createObjectBuilder()
                                  .add("name", domain)
                                  .add("verified", false)))
                  .build());
          return find(admin, alias)
              .orElseThrow(
                  () ->
                      new IdentityProviderUnavailableException(
                          "Keycloak lost organization " + alias));
        });
  }

  private static Optional<Organization> find(KeycloakAdminSession admin, String alias) {
    JsonArray matches = admin.get("organizations?briefRepresentation=true&search=" + alias);
    return matches.getValuesAs(JsonObject.class).stream()
        .map(KeycloakOrganizationDirectory::toOrganization)
        .filter(o -> o.alias().equals(alias))
        .findFirst();
  }

  @Override
  public String ensureOwner(Organization organization, String email, String fullName) {
    return call(
        "invite the owner of " + organization.alias(),
        admin -> {
          String userId =
              findUser(admin, email).orElseGet(() -> createUser(admin, email, fullName));
          JsonObject role = admin.getObject("roles/" + OWNER_ROLE);
          admin.post(
              "users/" + userId + "/role-mappings/realm",
              Json.createArrayBuilder().add(role).build());
          // Adding a member twice answers 409 Conflict: the membership is what we want either way.
          admin.postAllowingConflict(
              "organizations/" + organization.id() + "/members", Json.createValue(userId));
          return userId;
        });
  }

  @Override
  public void removeOrganization(String organizationId) {
    call(
        "remove organization " + organizationId,
        admin -> {
          admin.deleteAllowingAbsence("organizations/" + organizationId);
          return null;
        });
  }

  private static Optional<String> findUser(KeycloakAdminSession admin, String email) {
    JsonArray users =
        admin.get(
            "users?exact=true&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    return users.getValuesAs(JsonObject.class).stream().map(u -> u.getString("id")).findFirst();
  }

  private static String createUser(KeycloakAdminSession admin, String email, String fullName) {
    String[] names = fullName.strip().split("\\s+", 2);
    admin.post(
        "users",
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("firstName", names[0])
            .add("lastName", names.length > 1 ? names[1] : "")
            .add("enabled", true)
            .add("emailVerified", false)
            .add(
                "requiredActions",
                Json.createArrayBuilder().add("UPDATE_PASSWORD").add("VERIFY_EMAIL"))
            .build());
    return findUser(admin, email)
        .orElseThrow(() -> new IdentityProviderUnavailableException("Keycloak lost user " + email));
  }

  private <T> T call(String what, Function<KeycloakAdminSession, T> work) {
    try (KeycloakAdminSession admin = sessions.open()) {
      return work.apply(admin);
    } catch (ProcessingException | WebApplicationException e) {
      throw new IdentityProviderUnavailableException(
          "Keycloak did not " + what + ": " + e.getMessage(), e);
    }
  }

  private static Organization toOrganization(JsonObject o) {
    return new Organization(
        o.getString("id"),
        o.getString("alias", o.getString("name")),
        o.getString("name", null),
        o.getBoolean("enabled", true));
  }
}
