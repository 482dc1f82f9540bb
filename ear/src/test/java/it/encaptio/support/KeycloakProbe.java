package it.encaptio.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Looks into Keycloak from a test, through the admin API with the same service account the server
 * uses, and removes what a test created there.
 */
public final class KeycloakProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String admin;
  private final String token;

  /** Inside the server: the server's own configuration. */
  public KeycloakProbe() throws Exception {
    this(
        config("keycloak.url"),
        config("keycloak.realm"),
        config("keycloak.backend.client.id"),
        config("keycloak.backend.client.secret"));
  }

  private static String config(String name) {
    Config config = ConfigProvider.getConfig();
    return config.getValue(name, String.class);
  }

  /** Outside the server: the environment the test command exports, with the dev defaults. */
  public static KeycloakProbe fromEnvironment() throws Exception {
    return new KeycloakProbe(
        env("KEYCLOAK_URL", "http://localhost:8180"),
        env("KEYCLOAK_REALM", "encaptio"),
        env("KEYCLOAK_BACKEND_CLIENT_ID", "encaptio-backend"),
        env("KEYCLOAK_BACKEND_CLIENT_SECRET", "encaptio-backend-dev-secret"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private KeycloakProbe(String url, String realm, String clientId, String clientSecret)
      throws Exception {
    admin = url + "/admin/realms/" + realm + "/";
    String form =
        "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    token = JSON.readTree(response.body()).get("access_token").asText();
  }

  /** Organizations whose alias is exactly this one (0 or 1 when nothing is duplicated). */
  public JsonNode organizations(String alias) throws Exception {
    // Keycloak searches names, not aliases: read them all (test realms hold few).
    return withAlias(get("organizations?briefRepresentation=true&max=10000"), alias);
  }

  /**
   * The organizations whose name is exactly {@code name} and alias {@code alias}: one search, for
   * realms with thousands of organizations (reading them all each time made serving 10,000 tenants
   * grow with the square).
   */
  public JsonNode organizationNamed(String name, String alias) throws Exception {
    return withAlias(
        get(
            "organizations?briefRepresentation=true&exact=true&search="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20")),
        alias);
  }

  private static JsonNode withAlias(JsonNode organizations, String alias) {
    var matches = JSON.createArrayNode();
    organizations.forEach(
        o -> {
          if (alias.equals(o.path("alias").asText())) matches.add(o);
        });
    return matches;
  }

  public JsonNode members(String organizationId) throws Exception {
    return get("organizations/" + organizationId + "/members");
  }

  public JsonNode usersByEmail(String email) throws Exception {
    return get("users?exact=true&email=" + URLEncoder.encode(email, UTF_8));
  }

  public JsonNode realmRoles(String userId) throws Exception {
    return get("users/" + userId + "/role-mappings/realm");
  }

  /** Deletes the organization and the user the test provisioned, if they exist. */
  public void remove(String alias, String email) throws Exception {
    for (JsonNode organization : organizations(alias)) {
      delete("organizations/" + organization.get("id").asText());
    }
    for (JsonNode user : usersByEmail(email)) {
      delete("users/" + user.get("id").asText());
    }
  }

  /** Creates an enabled user with a password and nothing left to do at sign-in, if missing. */
  public String ensureUser(String username, String password) throws Exception {
    String search = "users?exact=true&username=" + URLEncoder.encode(username, UTF_8);
    JsonNode existing = get(search);
    if (existing.isEmpty()) {
      return createUser(username, username + "@bench.example", password);
    }
    return existing.get(0).get("id").asText();
  }

  /**
   * Gives an account made by an invitation a password and nothing left to do, as following the
   * invitation's link would; for tests whose subject is not the invitation itself.
   */
  public void setPassword(String userId, String password) throws Exception {
    var credential = JSON.createObjectNode();
    credential.put("type", "password").put("value", password).put("temporary", false);
    int status = send("PUT", "users/" + userId + "/reset-password", credential.toString());
    if (status != 204) {
      throw new IllegalStateException("Keycloak answered " + status + " setting a password");
    }
    var user = JSON.createObjectNode();
    user.putArray("requiredActions");
    status = send("PUT", "users/" + userId, user.toString());
    if (status != 204) {
      throw new IllegalStateException("Keycloak answered " + status + " clearing actions");
    }
  }

  /**
   * Gives the user a realm-wide role as versions before 15 did (owner, editor), making the role if
   * the realm has none by that name.
   */
  public void grantRealmRole(String userId, String role) throws Exception {
    var representation = JSON.createObjectNode();
    representation.put("name", role);
    int status = send("POST", "roles", representation.toString());
    if (status != 201 && status != 409) {
      throw new IllegalStateException("Keycloak answered " + status + " making role " + role);
    }
    JsonNode made = get("roles/" + role);
    status = send("POST", "users/" + userId + "/role-mappings/realm", "[" + made + "]");
    if (status != 204) {
      throw new IllegalStateException("Keycloak answered " + status + " granting " + role);
    }
  }

  /** Creates an enabled user with this e-mail and password (no actions pending); answers its id. */
  public String createUser(String username, String email, String password) throws Exception {
    var user = JSON.createObjectNode();
    user.put("username", username)
        .put("email", email)
        .put("firstName", "Local")
        .put("lastName", "Account")
        .put("enabled", true)
        .put("emailVerified", true);
    user.putArray("credentials")
        .addObject()
        .put("type", "password")
        .put("value", password)
        .put("temporary", false);
    int status = send("POST", "users", user.toString());
    if (status != 201) {
      throw new IllegalStateException("Keycloak answered " + status + " creating " + username);
    }
    return usersByEmail(email).get(0).get("id").asText();
  }

  /** Adds the user to the organization; being a member already is fine. */
  public void addMember(String organizationId, String userId) throws Exception {
    int status = send("POST", "organizations/" + organizationId + "/members", '"' + userId + '"');
    if (status != 201 && status != 409) {
      throw new IllegalStateException("Keycloak answered " + status + " adding a member");
    }
  }

  /** Takes the user out of the organization. */
  public void removeMember(String organizationId, String userId) throws Exception {
    int status = send("DELETE", "organizations/" + organizationId + "/members/" + userId, "");
    if (status != 204) {
      throw new IllegalStateException("Keycloak answered " + status + " removing a member");
    }
  }

  public void deleteUser(String userId) throws Exception {
    delete("users/" + userId);
  }

  private int send(String method, String path, String json)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private void delete(String path) throws IOException, InterruptedException {
    http.send(
        HttpRequest.newBuilder(URI.create(admin + path))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
