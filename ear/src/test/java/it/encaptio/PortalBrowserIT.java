package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

/** A person signs in to the portal through Keycloak in headless Chromium, and signs out. */
class PortalBrowserIT {

  private Browser browser;

  @BeforeAll
  static void demoTenantsAreRegistered() {
    ItEnvironment.awaitDemoTenants();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws Exception {
    browser.close("portal-" + test.getTestMethod().orElseThrow().getName());
  }

  @Test
  void ownerSignsInSeesTheirTenantAndSignsOutOfKeycloakToo() {
    browser.openSignedIn("/app/dashboard.xhtml", "alice.acme");

    assertThat(browser.text("tenantSlug")).isEqualTo("acme");
    assertThat(browser.driver.getCurrentUrl())
        .startsWith(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    assertThat(browser.text("tenant-name")).isEqualTo("Acme Corp");
    assertThat(browser.text("userName")).isEqualTo("Alice Anders");
    assertThat(browser.text("role")).startsWith("Owner:");
    assertThat(browser.text("whoami"))
        .doesNotContain("offline_access", "uma_authorization", "default-roles");
    // The sign-in was recorded in acme's own schema.
    JsonNode alice = null;
    for (JsonNode person :
        json(
            get(
                    "/api/v1/people",
                    "Authorization",
                    "Bearer " + accessToken("alice.acme", "openid organization"))
                .body())) {
      if ("alice.acme".equals(person.get("username").asText())) {
        alice = person;
      }
    }
    assertThat(alice).isNotNull();
    assertThat(alice.get("signIns").asInt()).isPositive();
    assertThat(alice.get("lastSignInAt").asText())
        .startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());

    browser.click("userMenuForm:userMenu_button");
    browser.click("userMenuForm:signOut");

    assertThat(browser.text("signedOut")).isEqualTo("You are signed out");
    assertThat(browser.driver.getCurrentUrl())
        .startsWith(ItEnvironment.baseUrl() + "/signed-out.xhtml");

    // The Keycloak session ended too: the portal asks for a sign-in again instead of letting us in.
    browser.open("/app/dashboard.xhtml");
    browser.waitForKeycloakLogin();
    assertThat(browser.driver.findElements(By.id("tenantSlug"))).isEmpty();
  }

  @Test
  void editorOfGlobexSeesGlobexNotAcme() {
    browser.openSignedIn("/app/dashboard.xhtml", "gus.globex");

    assertThat(browser.text("tenantSlug")).isEqualTo("globex");
    assertThat(browser.text("role")).startsWith("Editor:");
    assertThat(browser.driver.getPageSource()).doesNotContain("Acme Corp");
  }

  @Test
  void consultantInTwoOrganizationsChoosesOneAndSwitchesWithoutSigningInAgain() {
    browser.openSignedIn("/app/dashboard.xhtml", "casey.consultant");

    // Both organizations are in the token: the portal asks which one to work in.
    browser.wait.until(d -> d.getCurrentUrl().contains("/app/choose-organization.xhtml"));
    browser.workIn("Globex Inc");
    assertThat(browser.text("tenantSlug")).isEqualTo("globex");
    assertThat(browser.text("tenant-name")).isEqualTo("Globex Inc");

    browser.switchTo("Acme Corp");

    assertThat(browser.text("tenantSlug")).isEqualTo("acme");
    assertThat(browser.driver.getCurrentUrl()).startsWith(ItEnvironment.baseUrl());
  }

  @Test
  void nonOperatorIsRefusedTheOperatorConsole() {
    browser.openSignedIn("/ops/tenants.xhtml", "alice.acme");

    assertThat(browser.text("forbidden")).contains("for platform operators");
    assertThat(browser.driver.findElements(By.id("tenantsForm:tenants"))).isEmpty();
  }
}
