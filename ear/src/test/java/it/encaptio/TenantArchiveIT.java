package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.baseUrl;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.support.KeycloakProbe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operators' API exports a tenant to a file and imports it into a new tenant: every row
 * arrives, a tenant that holds data is never overwritten, and a broken file is refused.
 */
public class TenantArchiveIT {

  @BeforeAll
  static void tenants() {
    ItEnvironment.awaitDemoTenants();
  }

  /**
   * A fresh operator token for each call: an export and import of a tenant that earlier tests
   * filled can outlast the realm's five-minute access tokens (CI saw a 401 at the second import).
   */
  private static String operator() {
    return accessToken("oscar.ops", "openid");
  }

  public static HttpResponse<byte[]> call(
      String method, String path, String token, String type, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/ops/v1" + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      return ItEnvironment.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyPlatformOperatorsMayExport() {
    assertThat(call("GET", "/tenants/acme/export", null, null, null).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> owner =
        call(
            "GET",
            "/tenants/acme/export",
            accessToken("alice.acme", "openid organization"),
            null,
            null);
    assertThat(owner.statusCode()).isEqualTo(403);
    assertThat(new String(owner.body(), StandardCharsets.UTF_8)).contains("platform-operator");
  }

  @Test
  void provisioningRequestsThatCannotBeReadOrCarriedOutGet400WithWhatToFix() {
    HttpResponse<byte[]> malformed =
        call(
            "POST",
            "/tenants",
            operator(),
            "application/json",
            "{\"slug\": ".getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");

    HttpResponse<byte[]> invalid =
        call(
            "POST",
            "/tenants",
            operator(),
            "application/json",
            "{\"slug\":\"Robert'); DROP TABLE tenants;--\",\"name\":\"x\",\"ownerEmail\":\"x@y.example\",\"ownerName\":\"X\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(new String(invalid.body(), StandardCharsets.UTF_8))
        .contains("lower-case letters, digits and hyphens");
  }

  @Test
  void exportThenImportIntoANewTenantKeepsEveryRow() throws Exception {
    String slug = "copy-" + UUID.randomUUID().toString().substring(0, 8);
    String owner = "owner@" + slug + ".example";
    try {
      seedAcme();
      byte[] acmeExport = export("acme");
      Map<String, String> acmeTables = entries(acmeExport);
      long acmeRows = count("acme");
      assertThat(json(acmeTables.get("manifest.json")).at("/rows/user_profile").asLong())
          .isEqualTo(acmeRows);

      HttpResponse<byte[]> created = provision(operator(), slug, "Copy of Acme", owner);
      assertThat(created.statusCode())
          .as(new String(created.body(), StandardCharsets.UTF_8))
          .isEqualTo(201);
      JsonNode run = json(new String(created.body(), StandardCharsets.UTF_8));
      assertThat(run.get("status").asText()).isEqualTo("active");
      assertThat(run.get("stepMillis").has("schema_migrated")).isTrue();
      assertThat(run.get("stepMillis").has("owner_invited")).isTrue();
      assertThat(run.get("identityProviderMillis").asLong())
          .isEqualTo(
              run.at("/stepMillis/organization_created").asLong()
                  + run.at("/stepMillis/owner_invited").asLong());

      HttpResponse<byte[]> imported =
          call("POST", "/tenants/" + slug + "/import", operator(), "application/zip", acmeExport);
      assertThat(imported.statusCode())
          .as(ItEnvironment.withIncident(new String(imported.body(), StandardCharsets.UTF_8)))
          .isEqualTo(200);
      assertThat(
              json(new String(imported.body(), StandardCharsets.UTF_8))
                  .get("user_profile")
                  .asLong())
          .isEqualTo(acmeRows);
      Map<String, String> copyTables = entries(export(slug));
      // Rows come in primary-key order, so a copy exports to the same bytes, table by table.
      assertThat(copyTables.keySet()).isEqualTo(acmeTables.keySet());
      for (String entry : acmeTables.keySet()) {
        if (!entry.equals("manifest.json")) {
          assertThat(copyTables.get(entry)).as(entry).isEqualTo(acmeTables.get(entry));
        }
      }

      HttpResponse<byte[]> again =
          call("POST", "/tenants/" + slug + "/import", operator(), "application/zip", acmeExport);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("already holds data");
      assertThat(count(slug)).isEqualTo(acmeRows);

      HttpResponse<byte[]> garbage =
          call(
              "POST",
              "/tenants/" + slug + "/import",
              operator(),
              "application/zip",
              "not a zip".getBytes(StandardCharsets.UTF_8));
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(new String(garbage.body(), StandardCharsets.UTF_8))
          .contains("not a tenant export");
    } finally {
      unseedAcme();
      discard(slug, operator());
      KeycloakProbe.fromEnvironment().remove(slug, owner);
    }
  }

  @Test
  void anExportLeavesNoFileOnTheServerWhetherItIsDownloadedOrNot() throws Exception {
    HttpResponse<byte[]> head = call("HEAD", "/tenants/acme/export", operator(), null, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();
    export("acme");
    // the server runs on this machine with the same temporary directory
    try (var files =
        java.nio.file.Files.newDirectoryStream(
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "encaptio-export-*")) {
      assertThat(files).as("export files left in the temporary directory").isEmpty();
    }
  }

  /** Provisions a tenant through the operators' API. */
  static HttpResponse<byte[]> provision(String token, String slug, String name, String owner) {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"name\":\""
            + name
            + "\",\"ownerEmail\":\""
            + owner
            + "\",\"ownerName\":\"Olive Owner\"}";
    return call(
        "POST", "/tenants", token, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /** Removes a tenant a test created (suspend, then delete with confirmation). */
  static void discard(String slug, String operatorToken) {
    call(
        "POST",
        "/tenants/" + slug + "/suspend",
        operatorToken,
        "application/json",
        "{\"reason\":\"Test tenant\"}".getBytes(StandardCharsets.UTF_8));
    call("DELETE", "/tenants/" + slug + "?confirm=" + slug, operatorToken, null, null);
  }

  private static byte[] export(String slug) {
    HttpResponse<byte[]> response =
        call("GET", "/tenants/" + slug + "/export", operator(), null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/zip");
    return response.body();
  }

  private static Map<String, String> entries(byte[] zip) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  /** A person with every column filled, so the round trip carries each column type. */
  /**
   * One row with every CSV hazard (quotes, commas, non-ASCII) and enough rows of uneven width to
   * span many pages: PostgreSQL reuses a page's free space for a later, smaller row, so an
   * unordered COPY of the copied table would list the rows in another order.
   */
  private static void seedAcme() throws Exception {
    try (Connection db = database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      db.createStatement()
          .executeUpdate(
              "insert into "
                  + schema
                  + ".user_profile (subject, username, display_name,"
                  + " email, first_seen_at, last_seen_at, sign_in_count) values ('archive-"
                  + UUID.randomUUID()
                  + "', 'zoë.\"quoted\", name', 'Zoë, with comma', 'z@acme.example',"
                  + " now() - interval '3 days', now(), 7)");
      db.createStatement()
          .executeUpdate(
              "insert into "
                  + schema
                  + ".user_profile (subject, username, display_name, email, first_seen_at,"
                  + " last_seen_at, sign_in_count, status) select 'archive-' || gen_random_uuid(),"
                  + " 'wide.' || i, repeat('w', 1 + (i * 7919) % 250), 'w' || i || '@acme.example',"
                  + " now(), now(), 0, 'removed' from generate_series(1, 600) i");
    }
  }

  /** The rows {@link #seedAcme} added, this run's and any earlier run's. */
  private static void unseedAcme() throws Exception {
    try (Connection db = database()) {
      db.createStatement()
          .executeUpdate(
              "delete from "
                  + ItEnvironment.tenantSchema(db, "acme")
                  + ".user_profile where subject like 'archive-%'");
    }
  }

  static long count(String slug) throws Exception {
    try (Connection db = database();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select count(*) from "
                        + ItEnvironment.tenantSchema(db, slug)
                        + ".user_profile")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection database() throws Exception {
    return ItEnvironment.database();
  }
}
