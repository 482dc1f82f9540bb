package io.encaptio.tenancy.infrastructure.keycloak;

import io.encaptio.tenancy.application.IdentityProviderRefusedException;
import io.encaptio.tenancy.application.IdentityProviderUnavailableException;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.OrganizationMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's organizations through its admin REST API, with the backend client's service account.
 * The few calls needed go through the server's own JAX-RS client ({@link KeycloakAdminSession});
 * keycloak-admin-client would bring a second RESTEasy and Jackson into the EAR beside Liberty's.
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

  private static final int PAGE = 100;

  /** The realm-wide roles of earlier versions, which held in every organization of a person. */
  static final Set<String> LEGACY_ROLES = Set.of("owner", "editor");

  /** Realm roles that make an account more than a member of organizations; it is never deleted. */
  private static final String PLATFORM_ROLE = "platform-operator";

  @Inject KeycloakAdminSession.Factory sessions;

  @Inject
  @ConfigProperty(name = "keycloak.portal.client.id")
  String portalClientId;

  @Override
  public List<Organization> organizations() {
    return call(
        "list the organizations",
        admin ->
            pages(admin, "organizations?briefRepresentation=true").stream()
                .map(KeycloakOrganizationDirectory::toOrganization)
                .toList());
  }

  @Override
  public Organization ensureOrganization(String alias, String name) {
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
                  .add("domains", Json.createArrayBuilder())
                  .build());
          return find(admin, alias)
              .orElseThrow(
                  () ->
                      new IdentityProviderUnavailableException(
                          "Keycloak lost organization " + alias));
        });
  }

  private static Optional<Organization> find(KeycloakAdminSession admin, String alias) {
    JsonArray matches =
        admin.get("organizations?briefRepresentation=true&exact=true&search=" + encode(alias));
    return matches.getValuesAs(JsonObject.class).stream()
        .map(KeycloakOrganizationDirectory::toOrganization)
        .filter(o -> o.alias().equals(alias))
        .findFirst();
  }

  @Override
  public Invitee ensureMember(String organizationId, String email, String fullName) {
    return call(
        "add " + email + " to the organization",
        admin -> {
          Optional<String> existing = findUser(admin, email);
          String userId = existing.orElseGet(() -> createUser(admin, email, fullName));
          // Adding a member twice answers 409 Conflict: the membership is there either way.
          boolean added =
              admin.postAllowingConflict(
                  "organizations/" + organizationId + "/members", Json.createValue(userId));
          return new Invitee(userId, existing.isEmpty(), !added);
        });
  }

  @Override
  public void sendSetPasswordMail(String userId, URI continueTo, Duration lifespan) {
    call(
        "send the invitation mail",
        admin -> {
          admin.put(
              "users/"
                  + userId
                  + "/execute-actions-email?client_id="
                  + encode(portalClientId)
                  + "&redirect_uri="
                  + encode(continueTo.toString())
                  + "&lifespan="
                  + lifespan.toSeconds(),
              Json.createArrayBuilder().add("UPDATE_PASSWORD").build());
          return null;
        });
  }

  @Override
  public List<OrganizationMember> members(String organizationId) {
    return call(
        "list the organization's members",
        admin ->
            pages(admin, "organizations/" + organizationId + "/members?briefRepresentation=true")
                .stream()
                .map(
                    u ->
                        new OrganizationMember(
                            u.getString("id"),
                            u.getString("username", null),
                            u.getString("email", null),
                            u.getString("firstName", null),
                            u.getString("lastName", null),
                            u.getBoolean("enabled", true)))
                .toList());
  }

  @Override
  public boolean removeMember(String organizationId, String userId) {
    return call(
        "remove the member",
        admin -> {
          admin.deleteAllowingAbsence("organizations/" + organizationId + "/members/" + userId);
          JsonArray remaining =
              admin.get(
                  "organizations/members/" + userId + "/organizations?briefRepresentation=true");
          boolean platformRole =
              admin
                  .get("users/" + userId + "/role-mappings/realm")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .anyMatch(r -> PLATFORM_ROLE.equals(r.getString("name", "")));
          if (remaining.isEmpty() && !platformRole) {
            admin.deleteAllowingAbsence("users/" + userId);
            return true;
          }
          return false;
        });
  }

  @Override
  public Map<String, String> legacyRoleHolders() {
    return call(
        "list the holders of realm-wide roles",
        admin -> {
          Map<String, String> holders = new LinkedHashMap<>();
          for (String role : List.of("editor", "owner")) { // owner last: the higher role wins
            try {
              pages(admin, "roles/" + role + "/users?briefRepresentation=true")
                  .forEach(u -> holders.put(u.getString("id"), role));
            } catch (WebApplicationException e) {
              if (e.getResponse().getStatus() != 404) { // the role is gone: nothing to migrate
                throw e;
              }
            }
          }
          return holders;
        });
  }

  @Override
  public void dropLegacyRole(String userId, String role) {
    if (!LEGACY_ROLES.contains(role)) {
      throw new IllegalArgumentException("Not a realm-wide role of earlier versions: " + role);
    }
    call(
        "take the realm-wide role " + role,
        admin -> {
          JsonObject representation = admin.getObject("roles/" + role);
          admin.deleteWithBody(
              "users/" + userId + "/role-mappings/realm",
              Json.createArrayBuilder().add(representation).build());
          return null;
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

  private static List<JsonObject> pages(KeycloakAdminSession admin, String path) {
    List<JsonObject> result = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    for (int first = 0; ; first += PAGE) {
      JsonArray page = admin.get(path + separator + "first=" + first + "&max=" + PAGE);
      result.addAll(page.getValuesAs(JsonObject.class));
      if (page.size() < PAGE) {
        return result;
      }
    }
  }

  private static Optional<String> findUser(KeycloakAdminSession admin, String email) {
    JsonArray users = admin.get("users?exact=true&email=" + encode(email));
    return users.getValuesAs(JsonObject.class).stream().map(u -> u.getString("id")).findFirst();
  }

  private static String createUser(KeycloakAdminSession admin, String email, String fullName) {
    String[] names = fullName == null ? new String[] {""} : fullName.strip().split("\\s+", 2);
    admin.post(
        "users",
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("firstName", names[0])
            .add("lastName", names.length > 1 ? names[1] : "")
            .add("enabled", true)
            // the invitation link proves the address: the person followed it from their mailbox
            .add("emailVerified", true)
            .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"))
            .build());
    return findUser(admin, email)
        .orElseThrow(() -> new IdentityProviderUnavailableException("Keycloak lost user " + email));
  }

  private <T> T call(String what, Function<KeycloakAdminSession, T> work) {
    try (KeycloakAdminSession admin = sessions.open()) {
      return work.apply(admin);
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      if (status == 400 || status == 409) {
        throw new IdentityProviderRefusedException(
            "The identity provider refused to " + what + ": " + reason(e.getMessage()),
            status == 409);
      }
      throw new IdentityProviderUnavailableException(
          "Keycloak did not " + what + ": " + e.getMessage(), e);
    } catch (ProcessingException e) {
      throw new IdentityProviderUnavailableException(
          "Keycloak did not " + what + ": " + e.getMessage(), e);
    }
  }

  /** Keycloak's own words from an error body ({"errorMessage": ...}), else the whole message. */
  static String reason(String message) {
    if (message == null) {
      return "no reason given";
    }
    int body = message.indexOf('{');
    if (body >= 0) {
      try (var reader = Json.createReader(new StringReader(message.substring(body)))) {
        JsonObject error = reader.readObject();
        for (String key : List.of("errorMessage", "error_description", "error")) {
          if (error.get(key) instanceof JsonString text) {
            return text.getString();
          }
        }
      } catch (RuntimeException notJson) {
        // fall through to the message as it is
      }
    }
    return message;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Organization toOrganization(JsonObject o) {
    return new Organization(
        o.getString("id"),
        o.getString("alias", o.getString("name")),
        o.getString("name", null),
        o.getBoolean("enabled", true));
  }
}
