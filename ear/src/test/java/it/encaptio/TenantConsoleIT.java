package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.support.Browser;
import it.encaptio.support.KeycloakProbe;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * An operator creates a tenant in the console (told what to fix first), then suspends and deletes
 * it, confirming with its identifier.
 */
class TenantConsoleIT {

  @Test
  void operatorCreatesATenantAfterFixingWhatTheDialogSays() throws Exception {
    String slug = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    String owner = "owner@" + slug + ".example";
    try (Browser operator = new Browser()) {
      operator.openSignedIn("/ops/tenants.xhtml", "oscar.ops");

      operator.click("toolbarForm:newTenant");
      operator.text("newTenantForm:newTenantDialog");
      operator.type("newTenantForm:slug", "Bad Slug!");
      operator.type("newTenantForm:name", "Umbrella");
      operator.type("newTenantForm:ownerEmail", "not-an-address");
      operator.type("newTenantForm:ownerName", "Olive Owner");
      operator.click("newTenantForm:create");

      operator.wait.until(
          d -> d.getPageSource().contains("lower-case letters, digits and hyphens"));
      assertThat(operator.driver.getPageSource()).contains("Give the owner's e-mail address");
      assertThat(operator.text("newTenantForm:newTenantDialog")).isNotBlank();

      operator.driver.findElement(By.id("newTenantForm:slug")).clear();
      operator.type("newTenantForm:slug", slug);
      operator.driver.findElement(By.id("newTenantForm:ownerEmail")).clear();
      operator.type("newTenantForm:ownerEmail", owner);
      operator.click("newTenantForm:create");

      operator.wait.until(d -> d.getPageSource().contains("Tenant " + slug + " is ready"));
      operator.type("tenantsForm:tenants:slugColumn:filter", slug, Keys.TAB);
      // The filter's answer replaces the table: act on its rows only once it came (one row left),
      // or a click may land on a row the server no longer renders.
      operator.wait.until(
          d -> d.findElements(By.xpath("//tbody[@id='tenantsForm:tenants_data']/tr")).size() == 1);
      operator.wait.until(d -> operator.tenantStatus(slug).equals("active"));

      // Deleting takes a suspension first, then the identifier typed as confirmation.
      operator.clickTenantAction(slug, "suspend");
      operator.text("suspendForm:suspendDialog");
      operator.type("suspendForm:reason", "Created by mistake");
      operator.click("suspendForm:confirmSuspend");
      operator.wait.until(d -> operator.tenantStatus(slug).equals("suspended"));
      operator.clickTenantAction(slug, "delete");
      operator.text("deleteForm:deleteDialog");
      operator.type("deleteForm:confirmation", "acme");
      operator.click("deleteForm:confirmDelete");
      operator.wait.until(
          d -> d.getPageSource().contains("Type the tenant's identifier '" + slug + "'"));
      operator.driver.findElement(By.id("deleteForm:confirmation")).clear();
      operator.type("deleteForm:confirmation", slug);
      operator.click("deleteForm:confirmDelete");
      operator.wait.until(d -> d.getPageSource().contains("Tenant " + slug + " is deleted"));
      operator.wait.until(
          d ->
              d.findElement(By.id("tenantsForm:tenants")).getText().contains("No tenant matches."));
    } finally {
      KeycloakProbe.fromEnvironment().remove(slug, owner);
    }
  }
}
