package io.encaptio.tenancy.infrastructure.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One conversation with Keycloak's admin API: a JAX-RS client and a service-account token (client
 * credentials grant), closed after use. Paths are relative to the realm's admin root.
 */
final class KeycloakAdminSession implements AutoCloseable {

  private final Client client;
  private final String adminRoot;
  private final String token;

  private KeycloakAdminSession(Client client, String keycloakUrl, String realm, String token) {
    this.client = client;
    this.adminRoot = keycloakUrl + "/admin/realms/" + realm + "/";
    this.token = token;
  }

  JsonArray get(String path) {
    return request(path).get(JsonArray.class);
  }

  JsonObject getObject(String path) {
    return request(path).get(JsonObject.class);
  }

  void post(String path, JsonValue body) {
    try (Response response = request(path).post(Entity.json(body))) {
      requireSuccess("POST", path, response);
    }
  }

  /** POST whose answer is a JSON object (Keycloak's import of a provider's configuration). */
  JsonObject postForObject(String path, JsonValue body) {
    try (Response response = request(path).post(Entity.json(body))) {
      requireSuccess("POST", path, response);
      return response.readEntity(JsonObject.class);
    }
  }

  void put(String path, JsonValue body) {
    try (Response response = request(path).put(Entity.json(body))) {
      requireSuccess("PUT", path, response);
    }
  }

  void delete(String path) {
    try (Response response = request(path).delete()) {
      requireSuccess("DELETE", path, response);
    }
  }

  /** DELETE with a JSON body (Keycloak's role-mapping removal takes the roles as its body). */
  void deleteWithBody(String path, JsonValue body) {
    try (Response response = request(path).build("DELETE", Entity.json(body)).invoke()) {
      requireSuccess("DELETE", path, response);
    }
  }

  private static void requireSuccess(String method, String path, Response response) {
    if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
      throw new WebApplicationException(
          method
              + " "
              + path
              + " answered "
              + response.getStatus()
              + ": "
              + response.readEntity(String.class),
          response.getStatus());
    }
  }

  /** POST that takes 409 Conflict (it exists already) as done; true when this call made it. */
  boolean postAllowingConflict(String path, JsonValue body) {
    try {
      post(path, body);
      return true;
    } catch (WebApplicationException e) {
      if (e.getResponse().getStatus() != Response.Status.CONFLICT.getStatusCode()) {
        throw e;
      }
      return false;
    }
  }

  void deleteAllowingAbsence(String path) {
    try (Response response = request(path).delete()) {
      int status = response.getStatus();
      if (status != Response.Status.NOT_FOUND.getStatusCode()
          && response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
        throw new WebApplicationException("DELETE " + path + " answered " + status, status);
      }
    }
  }

  private Invocation.Builder request(String path) {
    return client
        .target(URI.create(adminRoot + path))
        .request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token);
  }

  @Override
  public void close() {
    client.close();
  }

  /** Opens sessions with the configured Keycloak and backend client. */
  @ApplicationScoped
  static class Factory {

    @Inject
    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "keycloak.realm")
    String realm;

    @Inject
    @ConfigProperty(name = "keycloak.backend.client.id")
    String clientId;

    @Inject
    @ConfigProperty(name = "keycloak.backend.client.secret")
    String clientSecret;

    KeycloakAdminSession open() {
      Client client =
          ClientBuilder.newBuilder()
              .connectTimeout(5, TimeUnit.SECONDS)
              .readTimeout(15, TimeUnit.SECONDS)
              .build();
      try {
        JsonObject response =
            client
                .target(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token")
                .request(MediaType.APPLICATION_JSON)
                .post(
                    Entity.form(
                        new Form()
                            .param("grant_type", "client_credentials")
                            .param("client_id", clientId)
                            .param("client_secret", clientSecret)),
                    JsonObject.class);
        return new KeycloakAdminSession(
            client, keycloakUrl, realm, response.getString("access_token"));
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    }
  }
}
