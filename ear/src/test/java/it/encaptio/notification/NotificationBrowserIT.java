package it.encaptio.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The bell in Chromium: an item that fails to index rings it for an editor (its count is the API's
 * unread count), the capsule needs attention (the dashboard lists the ten that need it most, as the
 * API does), the Notifications page shows what happened and "Mark all read" silences the bell; a
 * member has the bell but no admin sections.
 */
class NotificationBrowserIT {

  @Test
  void aFailedItemRingsTheBellAndMarkingAllReadSilencesIt() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String name = "Bell " + System.nanoTime();
    String capsule =
        alice.expect(201, "POST", "", "{\"name\": \"" + name + "\"}").get("id").asText();
    HttpResponse<String> uploaded =
        alice.upload(
            capsule,
            "broken.pdf",
            "%PDF-1.7\n1 0 obj <<< garbage".getBytes(StandardCharsets.US_ASCII));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    ItEnvironment.await(
        "alice told about the failed item",
        Duration.ofSeconds(90),
        () -> alice.expectAt(200, "GET", "/api/v1/notifications", null).toString().contains(name));
    int unread = alice.expectAt(200, "GET", "/api/v1/notifications", null).get("unread").asInt();

    Browser browser = new Browser();
    try {
      browser.openSignedIn("/app/dashboard.xhtml", "alice.acme");
      assertThat(browser.text("unread")).isEqualTo(String.valueOf(unread));
      // the dashboard lists the ten capsules with the most to see to, as the API does
      String first =
          alice
              .expectAt(200, "GET", "/api/v1/analytics/attention?max=10", null)
              .get(0)
              .get("name")
              .asText();
      assertThat(browser.text("attentionTable")).contains(first);
      assertThat(alice.expectAt(200, "GET", "/api/v1/analytics/attention?max=50", null).toString())
          .contains(name);

      browser.click("bellLink");
      browser.wait.until(d -> d.getCurrentUrl().contains("/app/notifications.xhtml"));
      assertThat(browser.text("inboxForm:inbox"))
          .contains("An item of " + name + " could not be indexed")
          .contains("broken.pdf");
      assertThat(browser.driver.findElements(By.id("hookForm:url")))
          .as("alice is an owner")
          .isNotEmpty();
      browser.click("inboxForm:markAll");
      browser.wait.until(d -> d.findElements(By.id("unread")).isEmpty());
      JsonNode after = alice.expectAt(200, "GET", "/api/v1/notifications", null);
      assertThat(after.get("unread").asInt()).isZero();
    } finally {
      browser.close("notification-bell");
    }

    try (Browser vera = new Browser()) {
      vera.openSignedIn("/app/notifications.xhtml", "vera.acme");
      vera.wait.until(d -> !d.findElements(By.id("mine:saveMine")).isEmpty());
      assertThat(vera.driver.findElements(By.id("bellLink"))).isNotEmpty();
      assertThat(vera.driver.findElements(By.id("hookForm:url")))
          .as("a member has no hooks, defaults or delivery log")
          .isEmpty();
      assertThat(vera.driver.findElement(By.id("main")).getText()).doesNotContain(name);
    }
  }
}
