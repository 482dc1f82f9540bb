package it.encaptio.people;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.ItEnvironment;
import it.encaptio.support.Browser;
import it.encaptio.support.Mailbox;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An invitation end to end in Chromium: an admin invites on the People page, the mail arrives in
 * the test SMTP server, its link sets a password in Keycloak and leads to the portal, where the
 * person signs in and lands in the right organization with the right role. A withdrawn invitation's
 * link no longer works.
 */
class InvitationBrowserIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void theInvitedPersonSetsAPasswordAndLandsInTheOrganizationWithTheirRole() throws Exception {
    String email = "browser-" + RUN + "@acme.example";
    String password = "Browser-" + RUN + "-pw";
    try (Browser admin = new Browser()) {
      admin.openSignedIn("/app/people.xhtml", "alice.acme");
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite:email")));
      admin.type("invite:email", email);
      admin.type("invite:name", "Bea Browser");
      admin.driver.findElement(By.id("invite:role")).click();
      // a click while the list is still opening can miss its item (CI's runs saw the list stay
      // open, and the role stay "editor"): click the item until the menu shows it chosen and its
      // list has closed (a click before it is gone would land on the list)
      admin.wait.until(
          driver -> {
            boolean chosen =
                driver
                    .findElement(By.id("invite:role_label"))
                    .getText()
                    .equalsIgnoreCase("analyst");
            if (chosen
                && ExpectedConditions.invisibilityOfElementLocated(By.id("invite:role_panel"))
                    .apply(driver)) {
              return true;
            }
            try {
              if (!chosen && !driver.findElement(By.id("invite:role_panel")).isDisplayed()) {
                driver.findElement(By.id("invite:role")).click(); // the list is closed: open it
              } else if (!chosen) {
                driver.findElement(By.cssSelector("li[data-label='analyst']")).click();
              }
            } catch (org.openqa.selenium.WebDriverException notYet) {
              // still opening; the next round clicks again
            }
            return false;
          });
      assertThat(admin.driver.findElement(By.id("invite:role_label")).getText())
          .isEqualToIgnoringCase("analyst");
      admin.click("invite:send");
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Invitation sent"));
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("people:peopleTable"), email));
      admin.close("invitation-admin");
    }

    Mailbox.Mail mail = Mailbox.await(email, Duration.ofSeconds(30)).orElseThrow();
    String link =
        mail.links().stream().filter(l -> l.contains("action-token")).findFirst().orElseThrow();

    try (Browser invited = new Browser()) {
      invited.driver.get(link);
      // Keycloak first names the actions the link asks for, then shows the form.
      invited.wait.until(
          d ->
              !d.findElements(By.id("password-new")).isEmpty()
                  || !d.findElements(By.partialLinkText("Click here to proceed")).isEmpty());
      invited
          .driver
          .findElements(By.partialLinkText("Click here to proceed"))
          .forEach(e -> e.click());
      invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
      invited.driver.findElement(By.id("password-new")).sendKeys(password);
      invited.driver.findElement(By.id("password-confirm")).sendKeys(password);
      invited.driver.findElement(By.cssSelector("#kc-passwd-update-form [type='submit']")).click();
      invited
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Back to Application")))
          .click();
      invited.wait.until(
          d -> d.getCurrentUrl().contains("/app/") || !d.findElements(By.id("username")).isEmpty());
      if (!invited.driver.findElements(By.id("username")).isEmpty()) {
        invited.signIn(email, password, null);
      }
      invited.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role")));
      assertThat(invited.text("tenantSlug")).isEqualTo("acme");
      assertThat(invited.text("role")).startsWith("Analyst");
      assertThat(invited.driver.findElements(By.id("navForm:peopleNav")))
          .as("analysts do not manage people")
          .isEmpty();
      invited.close("invitation-accepted");
    }
    String id =
        Members.call("GET", "/api/v1/people", Members.token("alice.acme"), null, null).body();
    assertThat(id).contains(email);
    for (var person : ItEnvironment.json(id)) {
      if (email.equals(person.path("email").asText())) {
        assertThat(person.get("status").asText()).isEqualTo("active");
        assertThat(person.get("role").asText()).isEqualTo("analyst");
        Members.remove("alice.acme", person.get("id").asText());
      }
    }
  }

  @Test
  void aWithdrawnInvitationsLinkNoLongerWorks() throws Exception {
    String email = "withdrawn-" + RUN + "@acme.example";
    String id = Members.invite("alice.acme", email, "editor");
    String link =
        Mailbox.await(email, Duration.ofSeconds(30)).orElseThrow().links().stream()
            .filter(l -> l.contains("action-token"))
            .findFirst()
            .orElseThrow();
    assertThat(
            Members.call(
                    "DELETE", "/api/v1/invitations/" + id, Members.token("alice.acme"), null, null)
                .statusCode())
        .isEqualTo(204);

    try (Browser browser = new Browser()) {
      browser.driver.get(link);
      browser.wait.until(
          d -> d.getPageSource().matches("(?is).*(invalid|expired|no longer valid|not found).*"));
      assertThat(browser.driver.findElements(By.id("password-new"))).isEmpty();
      browser.close("invitation-withdrawn");
    }
  }

  @Test
  void anExpiredInvitationsLinkNoLongerWorks() throws Exception {
    Duration lifespan = Duration.parse(ItEnvironment.env("ENCAPTIO_INVITATION_LIFESPAN", "PT72H"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        lifespan.compareTo(Duration.ofMinutes(2)) < 0,
        "the test command sets invitation links to expire within seconds");
    String email = "expired-" + RUN + "@acme.example";
    String id = Members.invite("alice.acme", email, "editor");
    try {
      String link =
          Mailbox.await(email, Duration.ofSeconds(30)).orElseThrow().links().stream()
              .filter(l -> l.contains("action-token"))
              .findFirst()
              .orElseThrow();
      ItEnvironment.pause(lifespan.plusSeconds(5));
      try (Browser browser = new Browser()) {
        browser.driver.get(link);
        browser.wait.until(d -> d.getPageSource().matches("(?is).*(expired|no longer valid).*"));
        assertThat(browser.driver.findElements(By.id("password-new"))).isEmpty();
        browser.close("invitation-expired");
      }
      assertThat(Members.person("alice.acme", id).get("status").asText())
          .as("still invited: resend sends a fresh link")
          .isEqualTo("invited");
    } finally {
      Members.remove("alice.acme", id);
    }
  }
}
