package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A platform operator suspends a tenant in the operator console and resumes it: meanwhile the
 * tenant's API calls get 403 problem+json naming the reason and its people see a page saying so;
 * its published capsules answer visitors "unavailable" (without the reason); afterwards everything
 * answers again and nothing was lost. Uses the demo tenant initech, kept for this purpose.
 */
class TenantSuspensionIT {

  private static final String REASON = "Invoice 2026-11 is overdue";

  @BeforeAll
  static void initechIsActive() throws Exception {
    // A run that died half-way may have left initech suspended; start from the state tests expect.
    try (Connection db = ItEnvironment.database()) {
      db.createStatement()
          .executeUpdate(
              "update platform.tenants set status = 'active', suspension_reason = null"
                  + " where slug = 'initech' and status = 'suspended'");
    }
    String token = accessToken("ivan.initech", "openid organization");
    ItEnvironment.await(
        "initech to be registered", Duration.ofSeconds(120), () -> me(token).statusCode() == 200);
  }

  private static HttpResponse<String> me(String token) {
    return get("/api/v1/me", "Authorization", "Bearer " + token);
  }

  @Test
  void operatorSuspendsAndResumesATenant() throws Exception {
    String ivansToken = accessToken("ivan.initech", "openid organization");
    String publicKey =
        new CapsuleApi("ivan.initech")
            .publishedCapsule(
                "Initech TPS guide", "customer-onboarding", "Use the new cover sheet.")
            .get("publicKey")
            .asText();
    assertThat(CapsuleApi.visit(publicKey).statusCode()).isEqualTo(200);
    try (Browser operator = new Browser()) {
      operator.openSignedIn("/ops/tenants.xhtml", "oscar.ops");
      filterTo(operator, "initech");

      operator.clickTenantAction("initech", "suspend");
      operator.text("suspendForm:suspendDialog");
      operator.type("suspendForm:reason", REASON);
      operator.click("suspendForm:confirmSuspend");
      operator.wait.until(d -> operator.tenantStatus("initech").equals("suspended"));

      HttpResponse<String> refused = me(ivansToken);
      assertThat(refused.statusCode()).isEqualTo(403);
      JsonNode problem = json(refused.body());
      assertThat(problem.get("type").asText()).endsWith("/problems/tenant-unavailable");
      assertThat(problem.get("detail").asText()).contains("suspended", REASON);

      HttpResponse<String> visitor = CapsuleApi.visit(publicKey);
      assertThat(visitor.statusCode()).isEqualTo(403);
      JsonNode unavailable = json(visitor.body());
      assertThat(unavailable.get("type").asText()).endsWith("/problems/capsule-unavailable");
      assertThat(visitor.body())
          .as("the operator's reason is not the visitor's business")
          .doesNotContain(REASON)
          .doesNotContain("Initech TPS guide");

      try (Browser ivan = new Browser()) {
        ivan.openSignedIn("/app/dashboard.xhtml", "ivan.initech");
        assertThat(ivan.text("tenantProblem")).contains("'initech' is suspended", REASON);
        assertThat(ivan.driver.findElements(By.id("tenantSlug"))).isEmpty();
      }

      operator.clickTenantAction("initech", "resume");
      operator.wait.until(
          d -> d.findElement(By.cssSelector(".ui-confirmdialog-yes")).isDisplayed());
      operator.driver.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
      operator.wait.until(d -> operator.tenantStatus("initech").equals("active"));
    }

    HttpResponse<String> served = me(ivansToken);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(json(served.body()).at("/tenant/slug").asText()).isEqualTo("initech");
    HttpResponse<String> visitorAgain = CapsuleApi.visit(publicKey);
    assertThat(visitorAgain.statusCode()).isEqualTo(200);
    assertThat(json(visitorAgain.body()).get("name").asText()).isEqualTo("Initech TPS guide");
  }

  @Test
  void suspendingWithoutAReasonIsRefusedWithAMessage() throws Exception {
    try (Browser operator = new Browser()) {
      operator.openSignedIn("/ops/tenants.xhtml", "oscar.ops");
      filterTo(operator, "initech");

      operator.clickTenantAction("initech", "suspend");
      operator.text("suspendForm:suspendDialog");
      operator.click("suspendForm:confirmSuspend");

      operator.wait.until(d -> d.getPageSource().contains("Say why the tenant is suspended."));
      assertThat(operator.text("suspendForm:suspendDialog"))
          .contains("Say why the tenant is suspended.");
      assertThat(me(accessToken("ivan.initech", "openid organization")).statusCode())
          .isEqualTo(200);
    }
  }

  /** Types into the tenant column's filter and waits until only that tenant is listed. */
  private static void filterTo(Browser operator, String slug) {
    operator.type("tenantsForm:tenants:slugColumn:filter", slug, Keys.TAB);
    operator.wait.until(
        d -> {
          String table = d.findElement(By.id("tenantsForm:tenants")).getText();
          return table.contains(slug) && !table.contains("acme") && !table.contains("globex");
        });
  }
}
