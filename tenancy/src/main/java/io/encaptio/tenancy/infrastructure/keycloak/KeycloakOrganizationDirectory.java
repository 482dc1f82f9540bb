package io.encaptio.tenancy.infrastructure.keycloak;

import io.encaptio.tenancy.application.IdentityProviderUnavailableException;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads organizations through Keycloak's admin REST API with the backend client's service account
 * (client credentials grant). Only the two calls needed here, so the JAX-RS client of the server is
 * enough; richer administration (provisioning, invitations) will use keycloak-admin-client.
 */
@ApplicationScoped
public class KeycloakOrganizationDirectory implements OrganizationDirectory {

  private static final int PAGE = 100;

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

  @Override
  public List<Organization> organizations() {
    Client client =
        ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    try {
      String token = serviceAccountToken(client);
      List<Organization> result = new ArrayList<>();
      for (int first = 0; ; first += PAGE) {
        JsonArray page =
            client
                .target(keycloakUrl)
                .path("admin/realms/{realm}/organizations")
                .resolveTemplate("realm", realm)
                .queryParam("first", first)
                .queryParam("max", PAGE)
                .queryParam("briefRepresentation", true)
                .request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .get(JsonArray.class);
        page.getValuesAs(JsonObject.class).forEach(o -> result.add(toOrganization(o)));
        if (page.size() < PAGE) {
          return result;
        }
      }
    } catch (ProcessingException | WebApplicationException e) {
      throw new IdentityProviderUnavailableException(
          "Keycloak at " + keycloakUrl + " did not list the organizations: " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }

  private String serviceAccountToken(Client client) {
    Form form =
        new Form()
            .param("grant_type", "client_credentials")
            .param("client_id", clientId)
            .param("client_secret", clientSecret);
    JsonObject response =
        client
            .target(keycloakUrl)
            .path("realms/{realm}/protocol/openid-connect/token")
            .resolveTemplate("realm", realm)
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.form(form), JsonObject.class);
    return response.getString("access_token");
  }

  private static Organization toOrganization(JsonObject o) {
    return new Organization(
        o.getString("id"),
        o.getString("alias", o.getString("name")),
        o.getString("name", null),
        o.getBoolean("enabled", true));
  }
}
