package it.encaptio.people;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /api/v1} operation of the OpenAPI document, called by one person who is owner of
 * acme and member (no role) of globex: in globex each operation that needs more than a member is
 * refused with 403, the others are not; in acme none is refused. The role each operation needs is
 * read from the document ({@code x-encaptio-role}); an operation that declares none fails the test.
 * The services check their own permissions behind the resources, so an operation documented lower
 * than its service enforces fails here too (403 where the document promises access).
 */
class ApiRoleMatrixIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String EMAIL = "matrix-" + RUN + "@matrix.example";
  private static final String PASSWORD = "Matrix-" + RUN + "-pw";
  private static final List<String> ROLES =
      List.of("member", "analyst", "editor", "admin", "owner");

  private static String person;
  private static String acmeCapsule;
  private static String globexCapsule;

  @BeforeAll
  static void ownerInAcmeMemberInGlobex() throws Exception {
    ItEnvironment.awaitDemoTenants();
    person = Members.invite("alice.acme", EMAIL, "owner");
    String inGlobex = Members.invite("grace.globex", EMAIL, "member");
    assertThat(inGlobex).as("one account, two memberships").isEqualTo(person);
    Members.canSignIn(person, PASSWORD);
    acmeCapsule = capsule("alice.acme");
    globexCapsule = capsule("grace.globex");
  }

  @AfterAll
  static void leaveBothOrganizations() {
    if (person != null) {
      Members.remove("grace.globex", person);
      Members.remove("alice.acme", person);
    }
  }

  private static String capsule(String owner) {
    HttpResponse<String> created =
        Members.call(
            "POST",
            "/api/v1/capsules",
            Members.token(owner),
            null,
            "{\"name\":\"Matrix " + RUN + "\",\"template\":\"blank\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created.body()).get("id").asText();
  }

  record Operation(String method, String path, String role, String mediaType) {
    String label() {
      return method + " " + path + " (" + role + ")";
    }
  }

  static List<Operation> operations() {
    HttpResponse<String> document = get("/openapi?format=JSON");
    assertThat(document.statusCode()).isEqualTo(200);
    List<Operation> operations = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = json(document.body()).get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        JsonNode role = method.getValue().get("x-encaptio-role");
        if (role == null) {
          undeclared.add(method.getKey() + " " + path.getKey());
          continue;
        }
        JsonNode body = method.getValue().path("requestBody").path("content");
        String mediaType = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
        operations.add(
            new Operation(method.getKey().toUpperCase(), path.getKey(), role.asText(), mediaType));
      }
    }
    assertThat(undeclared).as("operations that declare no role").isEmpty();
    assertThat(operations).hasSizeGreaterThan(60);
    return operations;
  }

  @Test
  void aMemberIsRefusedEveryOperationAboveTheirRoleAndAnOwnerNone() {
    String token = accessToken("encaptio-api", EMAIL, PASSWORD, Members.SCOPE);
    List<String> wrong = new ArrayList<>();
    List<Operation> operations = operations();
    // owners last: their writes (deleting the capsule) must not change what members meet
    for (Operation op : operations) {
      HttpResponse<String> response = call(op, token, "globex", globexCapsule);
      boolean refused = response.statusCode() == 403;
      boolean shouldBe = ROLES.indexOf(op.role()) > ROLES.indexOf("member");
      if (refused != shouldBe) {
        wrong.add("globex as member: " + op.label() + " answered " + response.statusCode());
      } else if (refused && !response.body().contains("role in this organization is member")) {
        wrong.add(
            "globex as member: " + op.label() + " refused for another reason: " + response.body());
      }
    }
    for (Operation op : operations) {
      HttpResponse<String> response = call(op, token, "acme", acmeCapsule);
      if (response.statusCode() == 403) {
        wrong.add("acme as owner: " + op.label() + " answered 403: " + response.body());
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** The operation with its path filled in (the organization's capsule, unknown ids elsewhere). */
  private static HttpResponse<String> call(
      Operation op, String token, String organization, String capsule) {
    String path =
        op.path()
            .replace("{id}", capsule)
            .replace("{kind}", "logo")
            .replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Encaptio-Organization", organization);
    if (op.mediaType() == null) {
      request.method(op.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", op.mediaType());
      request.method(op.method(), HttpRequest.BodyPublishers.ofString(body(op.mediaType())));
    }
    return ItEnvironment.send(request.build());
  }

  private static String body(String mediaType) {
    return mediaType.contains("json") ? "{}" : "";
  }
}
