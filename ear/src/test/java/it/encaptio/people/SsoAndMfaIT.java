package it.encaptio.people;

import static it.encaptio.ItEnvironment.json;
import static it.encaptio.people.Members.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.support.Browser;
import it.encaptio.support.KeycloakProbe;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An organization's own sign-in, in Chromium against a second Keycloak realm standing in for the
 * customer's identity provider ({@code northwind-idp}): its admin connects the provider for the
 * domain northwind.example, and its person nora signs in through it and lands in the tenant; with
 * the provider required, a password sign-in of that domain is refused; with a second factor
 * required, a member is asked to set one up at sign-in.
 */
class SsoAndMfaIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String SLUG = "sso-" + RUN;
  private static final String OWNER = "owner-" + RUN + "@sso-owner.example";
  private static final String OWNER_PASSWORD = "Owner-" + RUN + "-pw";

  private static String owner;

  @BeforeAll
  static void aTenantWithASignedInOwner() throws Exception {
    ItEnvironment.awaitDemoTenants();
    HttpResponse<String> provisioned =
        call(
            "POST",
            "/api/ops/v1/tenants",
            Members.token("oscar.ops"),
            null,
            "{\"slug\":\""
                + SLUG
                + "\",\"name\":\"Northwind "
                + RUN
                + "\",\"ownerEmail\":\""
                + OWNER
                + "\",\"ownerName\":\"Olga Owner\"}");
    assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
    KeycloakProbe keycloak = KeycloakProbe.fromEnvironment();
    Members.canSignIn(keycloak.usersByEmail(OWNER).get(0).get("id").asText(), OWNER_PASSWORD);
    owner = ItEnvironment.accessToken("encaptio-api", OWNER, OWNER_PASSWORD, Members.SCOPE);
  }

  @AfterAll
  static void removeTheTenantAndItsPeople() throws Exception {
    String operator = Members.token("oscar.ops");
    call("DELETE", "/api/v1/organization/security/sso", owner, SLUG, null);
    call(
        "POST",
        "/api/ops/v1/tenants/" + SLUG + "/suspend",
        operator,
        null,
        "{\"reason\":\"test over\"}");
    call("DELETE", "/api/ops/v1/tenants/" + SLUG + "?confirm=" + SLUG, operator, null, null);
    KeycloakProbe keycloak = KeycloakProbe.fromEnvironment();
    for (String email :
        new String[] {"nora@northwind.example", OWNER, "local-" + RUN + "@northwind.example"}) {
      for (JsonNode user : keycloak.usersByEmail(email)) {
        keycloak.deleteUser(user.get("id").asText());
      }
    }
  }

  @Test
  void aPersonOfTheDomainSignsInThroughTheOrganizationsProviderAndAPasswordSignInIsRefused()
      throws Exception {
    HttpResponse<String> badUrl =
        call(
            "PUT",
            "/api/v1/organization/security/sso",
            owner,
            SLUG,
            "{\"discoveryUrl\":\"http://example.test/x\",\"clientId\":\"c\",\"clientSecret\":\"s\","
                + "\"domain\":\"northwind.example\",\"required\":true}");
    assertThat(badUrl.statusCode()).isEqualTo(400);
    HttpResponse<String> someoneElses =
        call(
            "PUT",
            "/api/v1/organization/security/sso",
            owner,
            SLUG,
            "{\"discoveryUrl\":\""
                + ItEnvironment.keycloakUrl()
                + "/realms/northwind-idp/.well-known/openid-configuration\","
                + "\"clientId\":\"encaptio-broker\",\"clientSecret\":\"northwind-broker-dev-secret\","
                + "\"domain\":\"acme.example\",\"required\":true}");
    assertThat(someoneElses.statusCode())
        .as("a domain other organizations' people use is not routed here")
        .isEqualTo(409);
    assertThat(json(someoneElses.body()).get("detail").asText())
        .contains("outside this organization");
    assertThat(json(badUrl.body()).at("/errors/discoveryUrl").asText())
        .contains("openid-configuration");

    HttpResponse<String> connected =
        call(
            "PUT",
            "/api/v1/organization/security/sso",
            owner,
            SLUG,
            "{\"discoveryUrl\":\""
                + ItEnvironment.keycloakUrl()
                + "/realms/northwind-idp/.well-known/openid-configuration\","
                + "\"clientId\":\"encaptio-broker\",\"clientSecret\":\"northwind-broker-dev-secret\","
                + "\"domain\":\"northwind.example\",\"required\":true}");
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    assertThat(json(connected.body()).get("ssoRequired").asBoolean()).isTrue();

    Browser browser = new Browser();
    try {
      browser.open("/app/dashboard.xhtml");
      browser.waitForKeycloakLogin();
      browser.driver.findElement(By.id("username")).sendKeys("nora@northwind.example");
      browser.driver.findElement(By.id("kc-login")).click();
      browser.wait.until(d -> d.getCurrentUrl().contains("/realms/northwind-idp/"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
      if (browser.driver.findElement(By.id("username")).getAttribute("value").isEmpty()) {
        browser.driver.findElement(By.id("username")).sendKeys("nora");
      }
      browser.driver.findElement(By.id("password")).sendKeys("northwind-demo");
      browser.driver.findElement(By.id("kc-login")).click();
      browser.wait.until(
          d ->
              d.getCurrentUrl().startsWith(ItEnvironment.baseUrl())
                  || !d.findElements(By.id("kc-update-profile-form")).isEmpty());
      if (!browser.driver.findElements(By.id("kc-update-profile-form")).isEmpty()) {
        browser
            .driver
            .findElement(By.cssSelector("#kc-update-profile-form [type='submit']"))
            .click();
      }
      browser.wait.until(d -> !d.findElements(By.id("tenantSlug")).isEmpty());
      assertThat(browser.text("tenantSlug")).isEqualTo(SLUG);
      assertThat(browser.text("role")).startsWith("Member");
    } finally {
      browser.close("sso-northwind");
    }

    KeycloakProbe keycloak = KeycloakProbe.fromEnvironment();
    String localEmail = "local-" + RUN + "@northwind.example";
    String local = keycloak.createUser("local-" + RUN, localEmail, "Local-" + RUN + "-pw");
    keycloak.addMember(keycloak.organizations(SLUG).get(0).get("id").asText(), local);
    String token =
        ItEnvironment.accessToken(
            "encaptio-api", "local-" + RUN, "Local-" + RUN + "-pw", Members.SCOPE);
    HttpResponse<String> refused = call("GET", "/api/v1/me", token, SLUG, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused.body()).get("detail").asText())
        .contains(
            "requires people of northwind.example to sign in through its own identity provider");

    HttpResponse<String> acme =
        call("GET", "/api/v1/organization/security", Members.token("alice.acme"), null, null);
    assertThat(acme.statusCode()).isEqualTo(200);
    JsonNode acmeRules = json(acme.body());
    assertThat(acmeRules.path("ssoDomain").isTextual()).as("acme's rules are its own").isFalse();
    assertThat(
            call(
                    "PUT",
                    "/api/v1/organization/security/mfa",
                    owner,
                    SLUG,
                    "{\"required\":\"maybe\"}")
                .statusCode())
        .isEqualTo(400);

    JsonNode audit =
        json(
            call("GET", "/api/v1/audit?action=organization.sso_connected", owner, SLUG, null)
                .body());
    assertThat(audit.get("total").asInt()).isEqualTo(1);
  }

  @Test
  void withASecondFactorRequiredAMemberIsAskedToSetOneUpAtSignIn() throws Exception {
    String email = "mfa-" + RUN + "@sso-owner.example";
    HttpResponse<String> invited =
        call(
            "POST",
            "/api/v1/invitations",
            owner,
            SLUG,
            "{\"email\":\"" + email + "\",\"role\":\"editor\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String id = json(invited.body()).get("id").asText();
    Members.canSignIn(id, "Mfa-" + RUN + "-pw");
    try {
      HttpResponse<String> required =
          call("PUT", "/api/v1/organization/security/mfa", owner, SLUG, "{\"required\":true}");
      assertThat(required.statusCode()).as(required.body()).isEqualTo(200);
      assertThat(json(required.body()).get("mfaRequired").asBoolean()).isTrue();

      Browser browser = new Browser();
      try {
        browser.open("/app/dashboard.xhtml");
        browser.waitForKeycloakLogin();
        browser.signIn(email, "Mfa-" + RUN + "-pw", null);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp")));
        assertThat(browser.driver.getPageSource()).containsIgnoringCase("authenticator");
      } finally {
        browser.close("mfa-setup");
      }
    } finally {
      call("PUT", "/api/v1/organization/security/mfa", owner, SLUG, "{\"required\":false}");
      KeycloakProbe.fromEnvironment().deleteUser(id);
    }
  }
}
