package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/people reads the caller's tenant schema and no other: a person recorded in acme's
 * schema is listed for acme's token and never for globex's, and the reverse.
 */
class PeopleApiIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String ACME_PERSON = "people-it-acme-" + RUN;
  private static final String GLOBEX_PERSON = "people-it-globex-" + RUN;

  @BeforeAll
  static void onePersonInEachTenant() throws Exception {
    ItEnvironment.awaitDemoTenants();
    record("acme", ACME_PERSON);
    record("globex", GLOBEX_PERSON);
  }

  private static void record(String slug, String username) throws Exception {
    try (Connection db = ItEnvironment.database();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into "
                    + ItEnvironment.tenantSchema(db, slug)
                    + ".user_profile (subject, username, display_name, email, first_seen_at,"
                    + " last_seen_at, sign_in_count) values (?, ?, ?, ?, now(), now(), 1)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, username);
      insert.setString(3, "Person of " + slug);
      insert.setString(4, username + "@" + slug + ".example");
      insert.executeUpdate();
    }
  }

  private static List<String> usernames(String user) {
    HttpResponse<String> response =
        get(
            "/api/v1/people",
            "Authorization",
            "Bearer " + accessToken(user, "openid organization"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> usernames = new ArrayList<>();
    for (JsonNode person : json(response.body())) {
      usernames.add(person.get("username").asText());
      assertThat(person.has("subject")).as("Keycloak ids stay inside").isFalse();
    }
    return usernames;
  }

  @Test
  void acmeSeesItsOwnPeopleOnly() {
    assertThat(usernames("alice.acme")).contains(ACME_PERSON).doesNotContain(GLOBEX_PERSON);
  }

  @Test
  void globexSeesItsOwnPeopleOnly() {
    assertThat(usernames("grace.globex")).contains(GLOBEX_PERSON).doesNotContain(ACME_PERSON);
  }

  @Test
  void withoutATokenNothingIsListed() {
    HttpResponse<String> response = get("/api/v1/people");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(ACME_PERSON).doesNotContain(GLOBEX_PERSON);
  }
}
