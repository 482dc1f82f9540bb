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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's organizations through its admin REST API, with the backend client's service account.
 * The few calls needed go through the server's own JAX-RS client ({@link KeycloakAdminSession});
 * keycloak-admin-client would bring a second RESTEasy and Jackson into the EAR beside Liberty's.
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

  private static final Logger LOG = Logger.getLogger(KeycloakOrganizationDirectory.class.getName());
  private static final int PAGE = 100;

  /** The realm-wide roles of earlier versions, which held in every organization of a person. */
  static final Set<String> LEGACY_ROLES = Set.of("owner", "editor");

  static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

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
            pages(admin, "organizations?briefRepresentation=false").stream()
                .map(KeycloakOrganizationDirectory::toOrganization)
                .toList());
  }

  @Override
  public Organization ensureOrganization(String alias, String name) {
    return call(
        "create organization " + alias,
        admin -> {
          // Created, or there already (a repeated run: 409), then read back.
          admin.postAllowingConflict(
              "organizations",
              Json.createObjectBuilder()
                  .add("name", name)
                  .add("alias", alias)
                  .add("enabled", true)
                  .add("domains", Json.createArrayBuilder())
                  .build());
          return find(admin, alias, name)
              .orElseThrow(
                  () ->
                      new IdentityProviderRefusedException(
                          "The identity provider has an organization named '"
                              + name
                              + "' already; choose another name.",
                          true));
        });
  }

  /**
   * The organization with this alias: Keycloak searches names (and domains), not aliases, so the
   * name is searched first and every organization read only when it was renamed.
   */
  private static Optional<Organization> find(
      KeycloakAdminSession admin, String alias, String name) {
    JsonArray matches =
        admin.get("organizations?briefRepresentation=true&exact=true&search=" + encode(name));
    Optional<Organization> named =
        matches.getValuesAs(JsonObject.class).stream()
            .map(KeycloakOrganizationDirectory::toOrganization)
            .filter(o -> o.alias().equals(alias))
            .findFirst();
    if (named.isPresent()) {
      return named;
    }
    return pages(admin, "organizations?briefRepresentation=true").stream()
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
            membersOf(admin, organizationId).stream()
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

  /** The members' representations; an organization that no longer exists has none. */
  private static List<JsonObject> membersOf(KeycloakAdminSession admin, String organizationId) {
    try {
      return pages(admin, "organizations/" + organizationId + "/members?briefRepresentation=true");
    } catch (WebApplicationException e) {
      if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
        return List.of();
      }
      throw e;
    }
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
  public boolean requireOtp(String userId) {
    return call(
        "ask for a second factor",
        admin -> {
          if (otp(admin, userId)) {
            return false;
          }
          JsonObject user = admin.getObject("users/" + userId);
          var actions = Json.createArrayBuilder();
          boolean asked = false;
          if (user.get("requiredActions") instanceof JsonArray existing) {
            for (JsonString action : existing.getValuesAs(JsonString.class)) {
              actions.add(action);
              asked |= CONFIGURE_TOTP.equals(action.getString());
            }
          }
          if (!asked) {
            actions.add(CONFIGURE_TOTP);
          }
          admin.put(
              "users/" + userId,
              Json.createObjectBuilder().add("requiredActions", actions).build());
          return true;
        });
  }

  @Override
  public boolean hasOtp(String userId) {
    return call("read the sign-in factors", admin -> otp(admin, userId));
  }

  private static boolean otp(KeycloakAdminSession admin, String userId) {
    return admin.get("users/" + userId + "/credentials").getValuesAs(JsonObject.class).stream()
        .anyMatch(c -> "otp".equals(c.getString("type", "")));
  }

  @Override
  public void connectIdentityProvider(
      String organizationId,
      String alias,
      String displayName,
      String discoveryUrl,
      String clientId,
      String clientSecret,
      String domain) {
    call(
        "connect the identity provider",
        admin -> {
          JsonObject imported =
              admin.postForObject(
                  "identity-provider/import-config",
                  Json.createObjectBuilder()
                      .add("providerId", "oidc")
                      .add("fromUrl", discoveryUrl)
                      .build());
          var config = Json.createObjectBuilder();
          imported.forEach(
              (key, value) -> {
                if (value instanceof JsonString text) {
                  config.add(key, text.getString());
                }
              });
          config
              .add("clientId", clientId)
              .add("clientSecret", clientSecret)
              .add("clientAuthMethod", "client_secret_post")
              .add("defaultScope", "openid email profile")
              .add("syncMode", "IMPORT")
              .add("validateSignature", "true")
              .add("useJwksUrl", "true")
              .add("kc.org.domain", domain)
              .add("kc.org.broker.redirect.mode.email-matches", "true");
          JsonObject provider =
              Json.createObjectBuilder()
                  .add("alias", alias)
                  .add("displayName", displayName)
                  .add("providerId", "oidc")
                  .add("enabled", true)
                  .add("trustEmail", true)
                  .add("config", config)
                  .build();
          claimDomain(admin, organizationId, domain);
          if (!admin.postAllowingConflict("identity-provider/instances", provider)) {
            admin.put("identity-provider/instances/" + alias, provider);
          }
          admin.postAllowingConflict(
              "organizations/" + organizationId + "/identity-providers", Json.createValue(alias));
          return null;
        });
  }

  @Override
  public List<String> accountsOfDomainOutside(String organizationId, String domain) {
    return call(
        "look up the accounts of " + domain,
        admin -> {
          List<String> outside = new ArrayList<>();
          JsonArray users =
              admin.get("users?briefRepresentation=true&max=100&email=" + encode("@" + domain));
          for (JsonObject user : users.getValuesAs(JsonObject.class)) {
            String email = user.getString("email", "");
            if (!email.toLowerCase(java.util.Locale.ROOT).endsWith("@" + domain)) {
              continue;
            }
            JsonArray organizations =
                admin.get(
                    "organizations/members/"
                        + user.getString("id")
                        + "/organizations?briefRepresentation=true");
            boolean member =
                organizations.getValuesAs(JsonObject.class).stream()
                    .anyMatch(o -> organizationId.equals(o.getString("id", "")));
            if (!member) {
              outside.add(user.getString("username", email));
            }
          }
          return outside;
        });
  }

  @Override
  public void disconnectIdentityProvider(String organizationId, String alias, String domain) {
    call(
        "disconnect the identity provider",
        admin -> {
          admin.deleteAllowingAbsence(
              "organizations/" + organizationId + "/identity-providers/" + alias);
          admin.deleteAllowingAbsence("identity-provider/instances/" + alias);
          JsonObject organization = admin.getObject("organizations/" + organizationId);
          var domains = Json.createArrayBuilder();
          JsonArray claimed = organization.getJsonArray("domains");
          if (claimed != null) {
            claimed.getValuesAs(JsonObject.class).stream()
                .filter(d -> !domain.equals(d.getString("name", "")))
                .forEach(domains::add);
          }
          admin.put(
              "organizations/" + organizationId,
              Json.createObjectBuilder(organization).add("domains", domains).build());
          return null;
        });
  }

  /** Adds the domain to the organization's (an admin of the organization claims it). */
  private static void claimDomain(
      KeycloakAdminSession admin, String organizationId, String domain) {
    JsonObject organization = admin.getObject("organizations/" + organizationId);
    JsonArray domains = organization.getJsonArray("domains");
    boolean claimed =
        domains != null
            && domains.getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> domain.equals(d.getString("name", "")));
    if (!claimed) {
      var all = Json.createArrayBuilder();
      if (domains != null) {
        domains.forEach(all::add);
      }
      all.add(Json.createObjectBuilder().add("name", domain).add("verified", true));
      admin.put(
          "organizations/" + organizationId,
          Json.createObjectBuilder(organization).add("domains", all).build());
    }
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
      LOG.log(Level.WARNING, "Keycloak did not " + what + ": " + e.getMessage(), e);
      throw new IdentityProviderUnavailableException(
          "Keycloak did not " + what + ": " + e.getMessage(), e);
    } catch (ProcessingException e) {
      LOG.log(Level.WARNING, "Keycloak did not answer to " + what + ": " + e.getMessage(), e);
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
    Map<String, String> initialRoles = new LinkedHashMap<>();
    JsonObject attributes = o.getJsonObject("attributes");
    if (attributes != null
        && attributes.get(Organization.INITIAL_ROLES) instanceof JsonArray roles) {
      for (JsonString entry : roles.getValuesAs(JsonString.class)) {
        String[] pair = entry.getString().split("=", 2);
        if (pair.length == 2 && !pair[0].isBlank()) {
          initialRoles.put(pair[0].strip(), pair[1].strip());
        }
      }
    }
    return new Organization(
        o.getString("id"),
        o.getString("alias", o.getString("name")),
        o.getString("name", null),
        o.getBoolean("enabled", true),
        initialRoles);
  }
}
