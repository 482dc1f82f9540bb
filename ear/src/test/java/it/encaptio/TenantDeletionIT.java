package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.json;
import static it.encaptio.TenantArchiveIT.call;
import static it.encaptio.TenantArchiveIT.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.support.KeycloakProbe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting a tenant: only once suspended, only with the slug typed as confirmation, and never
 * without an export first, from which the data comes back whole.
 */
class TenantDeletionIT {

  private final String operator = accessToken("oscar.ops", "openid");

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> provision(String slug, String owner) {
    return TenantArchiveIT.provision(operator, slug, slug, owner);
  }

  @Test
  void suspendedTenantIsExportedThenDroppedOnlyWithConfirmation() throws Exception {
    String slug = "del-" + UUID.randomUUID().toString().substring(0, 8);
    String restored = "restored-" + slug.substring(4);
    String owner = "owner@" + slug + ".example";
    String restoredOwner = "owner@" + restored + ".example";
    try {
      assertThat(provision(slug, owner).statusCode()).isEqualTo(201);
      String schema;
      try (Connection db = ItEnvironment.database()) {
        schema = ItEnvironment.tenantSchema(db, slug);
        db.createStatement()
            .executeUpdate(
                "insert into "
                    + schema
                    + ".user_profile (subject, username)"
                    + " values ('kept-"
                    + UUID.randomUUID()
                    + "', 'kept.person')");
      }

      HttpResponse<byte[]> active =
          call("DELETE", "/tenants/" + slug + "?confirm=" + slug, operator, null, null);
      assertThat(active.statusCode()).isEqualTo(409);
      assertThat(text(active)).contains("Suspend tenant " + slug + " before deleting it");

      assertThat(
              call(
                      "POST",
                      "/tenants/" + slug + "/suspend",
                      operator,
                      "application/json",
                      "{\"reason\":\"Contract ended\"}".getBytes(StandardCharsets.UTF_8))
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<byte[]> unconfirmed =
          call("DELETE", "/tenants/" + slug + "?confirm=acme", operator, null, null);
      assertThat(unconfirmed.statusCode()).isEqualTo(400);
      assertThat(text(unconfirmed)).contains("Type the tenant's identifier '" + slug + "'");
      assertThat(count(slug)).isEqualTo(1);

      HttpResponse<byte[]> deleted =
          call("DELETE", "/tenants/" + slug + "?confirm=" + slug, operator, null, null);
      assertThat(deleted.statusCode()).as(text(deleted)).isEqualTo(200);
      JsonNode outcome = json(text(deleted));
      assertThat(outcome.at("/rows/user_profile").asLong()).isEqualTo(1);
      assertThat(schemaExists(schema)).isFalse();
      assertThat(call("GET", "/tenants/" + slug + "/export", operator, null, null).statusCode())
          .isEqualTo(404);
      assertThat(KeycloakProbe.fromEnvironment().organizations(slug)).isEmpty();

      byte[] export = Files.readAllBytes(Path.of(outcome.get("exportFile").asText()));
      assertThat(provision(restored, restoredOwner).statusCode()).isEqualTo(201);
      HttpResponse<byte[]> imported =
          call("POST", "/tenants/" + restored + "/import", operator, "application/zip", export);
      assertThat(imported.statusCode()).as(text(imported)).isEqualTo(200);
      assertThat(count(restored)).isEqualTo(1);
    } finally {
      TenantArchiveIT.discard(restored, operator);
      KeycloakProbe.fromEnvironment().remove(slug, owner);
      KeycloakProbe.fromEnvironment().remove(restored, restoredOwner);
    }
  }

  private static boolean schemaExists(String schema) throws Exception {
    try (Connection db = ItEnvironment.database();
        var query =
            db.prepareStatement(
                "select 1 from information_schema.schemata where schema_name = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
