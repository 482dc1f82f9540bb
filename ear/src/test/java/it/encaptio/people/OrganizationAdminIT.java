package it.encaptio.people;

import static it.encaptio.ItEnvironment.json;
import static it.encaptio.people.Members.call;
import static it.encaptio.people.Members.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.support.KeycloakProbe;
import it.encaptio.support.Mailbox;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Organization administration through {@code /api/v1}: roles per organization, invitations that
 * arrive by mail, the rules that keep an organization administrable, the audit rows each action
 * leaves, and bad input refused with what to fix and nothing changed.
 */
class OrganizationAdminIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  private static String operator() {
    return token("oscar.ops");
  }

  private static HttpResponse<String> provision(String slug, String plan, String ownerEmail) {
    return call(
        "POST",
        "/api/ops/v1/tenants",
        operator(),
        null,
        "{\"slug\":\""
            + slug
            + "\",\"name\":\"Test "
            + slug
            + "\",\"plan\":"
            + (plan == null ? "null" : "\"" + plan + "\"")
            + ",\"ownerEmail\":\""
            + ownerEmail
            + "\",\"ownerName\":\"Test Owner\"}");
  }

  /** Suspends and deletes the test's tenant (only a suspended tenant is deleted). */
  private static void deleteTenant(String slug) {
    String operator = operator();
    call(
        "POST",
        "/api/ops/v1/tenants/" + slug + "/suspend",
        operator,
        null,
        "{\"reason\":\"test over\"}");
    HttpResponse<String> deleted =
        call("DELETE", "/api/ops/v1/tenants/" + slug + "?confirm=" + slug, operator, null, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 404);
  }

  @Test
  void anExistingMemberMadeOwnerOfANewTenantGainsNothingInTheirOtherOrganization() {
    String slug = "esc-" + RUN;
    try {
      HttpResponse<String> provisioned = provision(slug, null, "vera@acme.example");
      assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
      JsonNode platformLog =
          json(call("GET", "/api/ops/v1/audit?tenant=" + slug, operator(), null, null).body());
      assertThat(platformLog.get("entries").findValuesAsText("action"))
          .as("the operator's action in the platform's audit log")
          .containsExactly("tenant.provisioned");
      assertThat(platformLog.at("/entries/0/actorName").asText()).isNotBlank();
      assertThat(call("GET", "/api/ops/v1/audit", token("alice.acme"), null, null).statusCode())
          .as("tenants' people do not read the platform's log")
          .isEqualTo(403);

      String vera = token("vera.acme");
      HttpResponse<String> inNew = call("GET", "/api/v1/me", vera, slug, null);
      assertThat(json(inNew.body()).get("role").asText()).isEqualTo("owner");
      HttpResponse<String> inAcme = call("GET", "/api/v1/me", vera, "acme", null);
      assertThat(json(inAcme.body()).get("role").asText()).isEqualTo("member");
      HttpResponse<String> create =
          call(
              "POST",
              "/api/v1/capsules",
              vera,
              "acme",
              "{\"name\":\"Escalation " + RUN + "\",\"template\":\"blank\"}");
      assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
      assertThat(json(create.body()).get("detail").asText()).contains("member");
      HttpResponse<String> models =
          call(
              "POST",
              "/api/v1/assistant/models",
              vera,
              "acme",
              "{\"name\":\"x\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}");
      assertThat(models.statusCode()).isEqualTo(403);
      assertThat(
              Mailbox.await(
                  "vera@acme.example",
                  mail -> mail.links().stream().anyMatch(l -> l.endsWith("organization=" + slug)),
                  Duration.ofSeconds(20)))
          .as("the existing account is told by mail, with a link into the new organization")
          .isPresent();
    } finally {
      deleteTenant(slug);
    }
  }

  @Test
  void twoTenantsWhoseOwnersShareAnEmailDomainAreBothProvisioned() {
    String first = "dom-a-" + RUN;
    String second = "dom-b-" + RUN;
    try {
      assertThat(provision(first, null, "a-" + RUN + "@shared-mail.example").statusCode())
          .isEqualTo(201);
      HttpResponse<String> again = provision(second, null, "b-" + RUN + "@shared-mail.example");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    } finally {
      deleteTenant(first);
      deleteTenant(second);
    }
  }

  @Test
  void anInvitationLeavesThroughSmtpWithALinkThatSetsAPasswordAndLeadsIntoTheOrganization() {
    String email = "invited-" + RUN + "@acme.example";
    String id = Members.invite("alice.acme", email, "analyst");
    try {
      Mailbox.Mail mail = Mailbox.await(email, Duration.ofSeconds(20)).orElseThrow();
      assertThat(mail.links()).anyMatch(l -> l.contains("/login-actions/action-token?key="));
      JsonNode person = Members.person("alice.acme", id);
      assertThat(person.get("status").asText()).isEqualTo("invited");
      assertThat(person.get("role").asText()).isEqualTo("analyst");

      HttpResponse<String> again =
          call(
              "POST",
              "/api/v1/invitations",
              token("alice.acme"),
              null,
              "{\"email\":\"" + email + "\",\"role\":\"editor\"}");
      assertThat(again.statusCode()).as("inviting a member again").isEqualTo(409);

      HttpResponse<String> resent =
          call("POST", "/api/v1/invitations/" + id + "/resend", token("alice.acme"), null, null);
      assertThat(resent.statusCode()).isEqualTo(200);
      ItEnvironment.await(
          "the second mail", Duration.ofSeconds(20), () -> Mailbox.of(email).size() == 2);

      HttpResponse<String> revoked =
          call("DELETE", "/api/v1/invitations/" + id, token("alice.acme"), null, null);
      assertThat(revoked.statusCode()).isEqualTo(204);
      assertThat(call("GET", "/api/v1/people/" + id, token("alice.acme"), null, null).statusCode())
          .isEqualTo(404);
    } finally {
      Members.remove("alice.acme", id);
    }
  }

  @Test
  void badRequestsAreRefusedWithWhatToFixAndChangeNothing() {
    String alice = token("alice.acme");
    int before = json(call("GET", "/api/v1/people", alice, null, null).body()).size();

    HttpResponse<String> unknownRole =
        call(
            "POST",
            "/api/v1/invitations",
            alice,
            null,
            "{\"email\":\"r-" + RUN + "@acme.example\",\"role\":\"boss\"}");
    assertThat(unknownRole.statusCode()).isEqualTo(400);
    assertThat(json(unknownRole.body()).at("/errors/role").asText()).contains("member, analyst");

    HttpResponse<String> malformed =
        call(
            "POST",
            "/api/v1/invitations",
            alice,
            null,
            "{\"email\":\"not an address\",\"role\":\"editor\"}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed.body()).at("/errors/email").asText()).contains("name@example.com");

    HttpResponse<String> notJson = call("POST", "/api/v1/invitations", alice, null, "{\"email\":");
    assertThat(notJson.statusCode()).isEqualTo(400);

    String grace =
        json(call("GET", "/api/v1/me", token("grace.globex"), null, null).body())
            .get("username")
            .asText();
    assertThat(grace).isEqualTo("grace.globex");
    String graceId = idOf(token("grace.globex"), "grace.globex");
    assertThat(call("GET", "/api/v1/people/" + graceId, alice, null, null).statusCode())
        .as("a person of another organization is unknown here")
        .isEqualTo(404);
    assertThat(
            call("PATCH", "/api/v1/people/" + graceId, alice, null, "{\"role\":\"member\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/people/" + graceId, alice, null, null).statusCode())
        .isEqualTo(404);
    assertThat(
            call("POST", "/api/v1/invitations/" + graceId + "/resend", alice, null, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/invitations/" + graceId, alice, null, null).statusCode())
        .isEqualTo(404);

    assertThat(json(call("GET", "/api/v1/people", alice, null, null).body()).size())
        .isEqualTo(before);
    assertThat(
            json(call("GET", "/api/v1/people/" + graceId, token("grace.globex"), null, null).body())
                .get("role")
                .asText())
        .as("untouched in globex")
        .isEqualTo("owner");
  }

  @Test
  void theLastOwnerCannotBeDemotedDeactivatedOrRemoved() {
    String slug = "owner-" + RUN;
    String email = "owner-" + RUN + "@owner.example";
    try {
      assertThat(provision(slug, null, email).statusCode()).isEqualTo(201);
      String ownerId = new KeycloakProbeLookup().id(email);
      Members.canSignIn(ownerId, "Owner-" + RUN);
      String owner =
          ItEnvironment.accessToken("encaptio-api", email, "Owner-" + RUN, Members.SCOPE);

      HttpResponse<String> demote =
          call("PATCH", "/api/v1/people/" + ownerId, owner, slug, "{\"role\":\"admin\"}");
      assertThat(demote.statusCode()).as(demote.body()).isEqualTo(409);
      assertThat(json(demote.body()).get("detail").asText()).contains("last owner");
      HttpResponse<String> remove = call("DELETE", "/api/v1/people/" + ownerId, owner, slug, null);
      assertThat(remove.statusCode()).isEqualTo(409);
      assertThat(json(call("GET", "/api/v1/me", owner, slug, null).body()).get("role").asText())
          .isEqualTo("owner");
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      deleteTenant(slug);
    }
  }

  @Test
  void seatsAreCountedAgainstThePlanAndAnInvitationBeyondThemIsRefused() throws Exception {
    String slug = "seats-" + RUN;
    String email = "seat-owner-" + RUN + "@seats.example";
    try {
      assertThat(provision(slug, "free", email).statusCode()).isEqualTo(201);
      String ownerId = new KeycloakProbeLookup().id(email);
      Members.canSignIn(ownerId, "Seats-" + RUN);
      String owner =
          ItEnvironment.accessToken("encaptio-api", email, "Seats-" + RUN, Members.SCOPE);
      JsonNode seats = json(call("GET", "/api/v1/people/seats", owner, slug, null).body());
      assertThat(seats.get("limit").asInt()).isEqualTo(3);
      assertThat(seats.get("taken").asInt()).isEqualTo(1);
      for (int i = 1; i <= 2; i++) {
        HttpResponse<String> invited =
            call(
                "POST",
                "/api/v1/invitations",
                owner,
                slug,
                "{\"email\":\"seat-" + i + "-" + RUN + "@seats.example\",\"role\":\"member\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
      }
      HttpResponse<String> beyond =
          call(
              "POST",
              "/api/v1/invitations",
              owner,
              slug,
              "{\"email\":\"seat-4-" + RUN + "@seats.example\",\"role\":\"member\"}");
      assertThat(beyond.statusCode()).isEqualTo(409);
      assertThat(json(beyond.body()).get("detail").asText())
          .contains("All 3 seats of the free plan");
      assertThat(Mailbox.of("seat-4-" + RUN + "@seats.example")).isEmpty();
    } finally {
      deleteTenant(slug);
    }
  }

  @Test
  void aRoleChangeHoldsFromTheNextRequestAndEveryChangeIsAudited() throws Exception {
    String email = "audited-" + RUN + "@acme.example";
    String id = Members.invite("alice.acme", email, "editor");
    try {
      Members.canSignIn(id, "Audited-" + RUN);
      String person =
          ItEnvironment.accessToken("encaptio-api", email, "Audited-" + RUN, Members.SCOPE);
      HttpResponse<String> created =
          call(
              "POST",
              "/api/v1/capsules",
              person,
              null,
              "{\"name\":\"Audit " + RUN + "\",\"template\":\"blank\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String capsule = json(created.body()).get("id").asText();

      // through a proxy the server trusts (loopback here): the client's address is the one logged
      HttpResponse<String> demoted =
          ItEnvironment.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(ItEnvironment.baseUrl() + "/api/v1/people/" + id))
                  .header("Authorization", "Bearer " + token("alice.acme"))
                  .header("Content-Type", "application/json")
                  .header("X-Forwarded-For", "203.0.113.7")
                  .method(
                      "PATCH",
                      java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"analyst\"}"))
                  .build());
      assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
      HttpResponse<String> publish =
          call("POST", "/api/v1/capsules/" + capsule + "/publish", person, null, null);
      assertThat(publish.statusCode()).as("the same token, the new role").isEqualTo(403);

      assertThat(Members.change("alice.acme", id, "{\"status\":\"deactivated\"}").statusCode())
          .isEqualTo(200);
      HttpResponse<String> me = call("GET", "/api/v1/me", person, null, null);
      assertThat(me.statusCode()).isEqualTo(403);
      assertThat(json(me.body()).get("detail").asText()).contains("deactivated");
      assertThat(Members.change("alice.acme", id, "{\"status\":\"active\"}").statusCode())
          .isEqualTo(200);
      assertThat(call("GET", "/api/v1/me", person, null, null).statusCode()).isEqualTo(200);

      JsonNode rows =
          json(call(
                      "GET",
                      "/api/v1/audit?max=50&from="
                          + java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                      token("alice.acme"),
                      null,
                      null)
                  .body())
              .get("entries");
      assertThat(rows.findValuesAsText("action"))
          .contains(
              "member.invited",
              "capsule.created",
              "member.role_changed",
              "member.deactivated",
              "member.reactivated");
      JsonNode roleChange = null;
      for (JsonNode row : rows) {
        if (row.get("action").asText().equals("member.role_changed")
            && email.equals(row.get("target").asText())) {
          roleChange = row;
          break;
        }
      }
      assertThat(roleChange).isNotNull();
      assertThat(roleChange.get("detail").asText()).isEqualTo("editor → analyst");
      assertThat(roleChange.get("actorName").asText()).isEqualTo("Alice Anders");
      assertThat(roleChange.get("actorRole").asText()).isEqualTo("owner");
      assertThat(roleChange.get("address").asText())
          .as("the client behind the trusted proxy")
          .isEqualTo("203.0.113.7");

      HttpResponse<String> csv =
          ItEnvironment.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          ItEnvironment.baseUrl() + "/api/v1/audit?action=member.role_changed"))
                  .header("Authorization", "Bearer " + token("alice.acme"))
                  .header("Accept", "text/csv")
                  .build());
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.body()).contains("member.role_changed", "editor → analyst");
      assertThat(
              call(
                      "GET",
                      "/api/v1/audit?action=member.role_changed&max=500",
                      token("grace.globex"),
                      null,
                      null)
                  .body())
          .as("globex's log holds none of acme's rows")
          .doesNotContain(email);

      HttpResponse<String> badRange =
          call(
              "GET", "/api/v1/audit?from=2026-12-06&to=yesterday", token("alice.acme"), null, null);
      assertThat(badRange.statusCode()).isEqualTo(400);
      assertThat(json(badRange.body()).at("/errors/to").asText()).contains("2026-12-06");
      assertThat(call("GET", "/api/v1/audit", token("eddie.acme"), null, null).statusCode())
          .as("editors do not read the audit log")
          .isEqualTo(403);

      Members.remove("alice.acme", id);
      HttpResponse<String> afterRemoval = call("GET", "/api/v1/me", person, null, null);
      assertThat(afterRemoval.statusCode())
          .as("a token issued before the removal gets no role")
          .isEqualTo(403);
      assertThat(json(afterRemoval.body()).get("detail").asText()).contains("no longer a member");
    } finally {
      Members.remove("alice.acme", id);
    }
  }

  @Test
  void theApplicationsDatabaseRoleCannotChangeOrDeleteAuditRows() throws Exception {
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      sql.execute(
          "insert into "
              + schema
              + ".audit_log (id, actor_kind, action, target) values ('"
              + UUID.randomUUID()
              + "', 'system', 'test.append_only', '"
              + RUN
              + "')");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "update "
                          + schema
                          + ".audit_log set action = 'x' where target = '"
                          + RUN
                          + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "delete from " + schema + ".audit_log where target = '" + RUN + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.execute("truncate " + schema + ".audit_log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      sql.execute(
          "insert into platform.platform_audit_log (id, actor_kind, action, tenant_slug) values ('"
              + UUID.randomUUID()
              + "', 'system', 'test.append_only', 'append-only-"
              + RUN
              + "')");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "delete from platform.platform_audit_log where tenant_slug = 'append-only-"
                          + RUN
                          + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void editorsOutsideACapsulesTeamReadItButDoNotChangeIt() {
    String alice = token("alice.acme");
    String eddie = token("eddie.acme");
    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/capsules",
            alice,
            null,
            "{\"name\":\"Team " + RUN + "\",\"template\":\"blank\"}");
    String capsule = json(created.body()).get("id").asText();
    HttpResponse<String> team =
        call("POST", "/api/v1/teams", alice, null, "{\"name\":\"Team " + RUN + "\"}");
    assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
    String teamId = json(team.body()).get("id").asText();
    try {
      assertThat(
              call(
                      "PUT",
                      "/api/v1/capsules/" + capsule + "/team",
                      alice,
                      null,
                      "{\"teamId\":\"" + teamId + "\"}")
                  .statusCode())
          .isEqualTo(204);
      assertThat(call("GET", "/api/v1/capsules/" + capsule, eddie, null, null).statusCode())
          .as("editors outside the team read the capsule")
          .isEqualTo(200);
      HttpResponse<String> archive =
          call("POST", "/api/v1/capsules/" + capsule + "/archive", eddie, null, null);
      assertThat(archive.statusCode()).isEqualTo(403);
      assertThat(json(archive.body()).get("detail").asText()).contains("team you are not in");

      String eddieId = idOf(alice, "eddie.acme");
      HttpResponse<String> members =
          call(
              "PUT",
              "/api/v1/teams/" + teamId + "/members",
              alice,
              null,
              "{\"members\":[\"" + eddieId + "\"]}");
      assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
      assertThat(json(members.body()).get("capsules").asInt()).isEqualTo(1);
      assertThat(
              call("POST", "/api/v1/capsules/" + capsule + "/archive", eddie, null, null)
                  .statusCode())
          .as("in the team now")
          .isEqualTo(200);

      HttpResponse<String> duplicateName =
          call("POST", "/api/v1/teams", alice, null, "{\"name\":\"team " + RUN + "\"}");
      assertThat(duplicateName.statusCode()).isEqualTo(409);
      HttpResponse<String> strangers =
          call(
              "PUT",
              "/api/v1/teams/" + teamId + "/members",
              alice,
              null,
              "{\"members\":[\"" + idOf(token("grace.globex"), "gus.globex") + "\"]}");
      assertThat(strangers.statusCode()).as("people of another organization").isEqualTo(404);
      assertThat(
              call(
                      "PUT",
                      "/api/v1/capsules/" + capsule + "/team",
                      token("grace.globex"),
                      null,
                      "{\"teamId\":null}")
                  .statusCode())
          .as("another organization's capsule")
          .isEqualTo(404);
      assertThat(
              call(
                      "PUT",
                      "/api/v1/teams/" + teamId + "/members",
                      token("grace.globex"),
                      null,
                      "{\"members\":[]}")
                  .statusCode())
          .as("another organization's team")
          .isEqualTo(404);
      assertThat(call("POST", "/api/v1/teams", eddie, null, "{\"name\":\"Mine\"}").statusCode())
          .as("editors do not make teams")
          .isEqualTo(403);
    } finally {
      call("DELETE", "/api/v1/teams/" + teamId, alice, null, null);
      call("DELETE", "/api/v1/capsules/" + capsule, alice, null, null);
    }
  }

  private static String idOf(String token, String username) {
    for (JsonNode person : json(call("GET", "/api/v1/people", token, null, null).body())) {
      if (username.equals(person.get("username").asText())) {
        return person.get("id").asText();
      }
    }
    throw new AssertionError(username + " is not listed");
  }

  /** The identity provider's id of an account, by e-mail. */
  private static final class KeycloakProbeLookup {
    String id(String email) throws Exception {
      return KeycloakProbe.fromEnvironment().usersByEmail(email).get(0).get("id").asText();
    }
  }
}
