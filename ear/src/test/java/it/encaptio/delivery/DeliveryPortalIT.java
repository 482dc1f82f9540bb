package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * Delivery in the portal (headless Chromium): the Publish tab shows the share link and the widget's
 * script tag with a live widget, takes the allowed origins (refusing what is not one), and lets an
 * owner make an embed secret once; the inbox shows visitors' conversations with their transcript,
 * the unanswered ones flagged, and the leads.
 */
class DeliveryPortalIT {

  private final CapsuleApi alice = new CapsuleApi("alice.acme");

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void thePublishTabSharesEmbedsAndGuardsTheCapsule() throws Exception {
    String capsule = AssistantFixture.capsule(alice, "Portal delivery " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    try (Browser owner = new Browser()) {
      owner.openSignedIn("/app/capsule.xhtml?id=" + capsule, "alice.acme");
      owner
          .driver
          .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Publish']"))
          .click();
      assertThat(owner.text("editor:tabs:shareUrl")).matches(".*/c/portal-delivery-[0-9]+$");
      assertThat(owner.driver.findElement(By.id("widgetSnippet")).getText())
          .contains("data-capsule=\"" + key + "\"");

      owner.type("editor:tabs:allowedOrigins", "shop.example.com/chat");
      owner.click("editor:tabs:saveEmbedding");
      owner.wait.until(d -> d.getPageSource().contains("an origin starts with https://"));
      WebElement origins = owner.driver.findElement(By.id("editor:tabs:allowedOrigins"));
      origins.clear();
      origins.sendKeys("https://shop.example.com");
      owner.click("editor:tabs:saveEmbedding");
      owner.wait.until(d -> d.getPageSource().contains("Embedding saved"));
      assertThat(
              alice
                  .expect(200, "GET", "/" + capsule + "/delivery", null)
                  .get("allowedOrigins")
                  .get(0)
                  .asText())
          .isEqualTo("https://shop.example.com");

      owner.click("editor:tabs:makeSecret");
      String secret = owner.wait.until(d -> d.findElement(By.id("newSecret"))).getText();
      assertThat(secret).startsWith("es_");
      assertThat(
              alice
                  .expect(200, "GET", "/" + capsule + "/delivery", null)
                  .get("hasEmbedSecret")
                  .asBoolean())
          .isTrue();

      // the live widget of the published capsule, on the portal's own origin
      SearchContext live =
          owner.wait.until(
              d -> {
                List<WebElement> hosts =
                    d.findElements(By.cssSelector("[data-encaptio='" + key + "']"));
                return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
              });
      owner.wait.until(d -> !live.findElements(By.cssSelector(".composer textarea")).isEmpty());
    }
  }

  @Test
  void theInboxShowsTranscriptsUnansweredQuestionsAndLeads() throws Exception {
    String capsule = AssistantFixture.capsule(alice, "Portal inbox " + System.nanoTime());
    JsonNode draft = alice.expect(200, "GET", "/" + capsule, null);
    ObjectNode settings = (ObjectNode) draft.get("draft").deepCopy();
    settings
        .putObject("leadForm")
        .put("enabled", true)
        .put("title", "Book a viewing")
        .put("consent", "I agree to be contacted.")
        .<ObjectNode>set("fields", ItEnvironment.JSON.valueToTree(new String[] {"name", "email"}))
        .set("required", ItEnvironment.JSON.valueToTree(new String[] {"email"}));
    alice.saveDraft(draft, settings);
    String key =
        alice.expect(200, "POST", "/" + capsule + "/publish", null).get("publicKey").asText();
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    visitor.answer(conversation, "Is there a sauna on the roof?");
    visitor.answer(conversation, "<b>What time is check-out?</b>");
    String email = "inbox." + System.nanoTime() + "@example.com";
    assertThat(
            visitor.lead(conversation, Map.of("email", email, "name", "Ines"), true).statusCode())
        .isEqualTo(201);
    Visitor satisfied = new Visitor(key);
    satisfied.answer(satisfied.start(), "Are dogs allowed?");

    try (Browser editor = new Browser()) {
      editor.openSignedIn("/app/inbox.xhtml?id=" + capsule, "eddie.acme");
      String table = editor.text("inbox:tabs:conversations");
      assertThat(table).contains("widget").contains("lead");
      editor
          .driver
          .findElement(
              By.xpath(
                  "//tbody[@id='inbox:tabs:conversations_data']/tr[.//*[normalize-space()='lead']]"
                      + "//button"))
          .click();
      String transcript =
          editor.wait.until(
              d -> {
                String text = d.findElement(By.id("inbox:tabs:transcript")).getText();
                return text.contains("Transcript") ? text : null;
              });
      assertThat(transcript)
          .contains("Is there a sauna on the roof?")
          .contains("unanswered")
          .contains("<b>What time is check-out?</b>")
          .contains("House rules")
          .contains(email);
      editor
          .driver
          .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Leads']"))
          .click();
      assertThat(editor.text("inbox:tabs:leads")).contains(email).contains("Ines");

      editor
          .driver
          .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Conversations']"))
          .click();
      By rows = By.cssSelector("[id='inbox:tabs:conversations_data'] > tr");
      assertThat(editor.driver.findElements(rows)).hasSize(2);
      editor
          .wait
          .until(
              d -> d.findElement(By.cssSelector("[id='inbox:tabs:unansweredOnly'] .ui-chkbox-box")))
          .click();
      editor.wait.until(d -> d.findElements(rows).size() == 1);
      assertThat(editor.text("inbox:tabs:conversations")).contains("lead");
    }
    try (Browser member = new Browser()) {
      member.openSignedIn("/app/inbox.xhtml?id=" + capsule, "vera.acme");
      assertThat(member.driver.getPageSource()).doesNotContain(email);
    }
    try (Browser otherTenant = new Browser()) {
      otherTenant.openSignedIn("/app/inbox.xhtml?id=" + capsule, "grace.globex");
      otherTenant.wait.until(d -> d.getCurrentUrl().contains("capsules.xhtml?missing=true"));
      assertThat(otherTenant.driver.getPageSource()).doesNotContain(email);
    }
  }
}
