package it.encaptio.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Chat models in the portal (headless Chromium): an owner adds one (the key is shown only by its
 * last four characters), an editor of a capsule chooses it in the Assistant tab, and the capsule
 * answers with it from then on; an editor who is not an owner sees the models but can't add one.
 */
class ChatModelsPortalIT {

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void anOwnerAddsAModelAndACapsuleIsSetToAnswerWithIt() throws Exception {
    String name = "Portal model " + System.nanoTime();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = AssistantFixture.capsule(alice, "Portal models " + System.nanoTime());
    try (Browser owner = new Browser()) {
      owner.openSignedIn("/app/models.xhtml", "alice.acme");
      owner.wait.until(d -> d.getCurrentUrl().contains("/app/models.xhtml"));
      assertThat(owner.driver.getPageSource()).as("the owner's page").contains("Add a chat model");
      owner.type("newModel:name", name);
      owner.type("newModel:model", "gpt-4o-mini");
      owner.type("newModel:apiKey", "sk-portal-test-7788");
      owner.click("newModel:add");
      owner.wait.until(d -> d.findElement(By.id("models:modelTable")).getText().contains(name));
      String table = owner.text("models:modelTable");
      assertThat(table).contains("…7788").doesNotContain("sk-portal-test");

      owner.open("/app/capsule.xhtml?id=" + capsule);
      owner
          .driver
          .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='Assistant']"))
          .click();
      var item =
          owner.wait.until(
              d ->
                  d.findElement(
                      By.xpath(
                          "//*[@id='editor:tabs:chain']//li[contains(normalize-space(), '"
                              + name
                              + "')]")));
      item.click();
      owner
          .driver
          .findElement(By.cssSelector("[id='editor:tabs:chain'] .ui-picklist-button-add"))
          .click();
      owner.wait.until(d -> d.getPageSource().contains("Models saved"));
    }
    JsonNode routing = alice.expect(200, "GET", "/" + capsule + "/assistant/routing", null);
    assertThat(routing.get("primary")).hasSize(1);
    JsonNode models = alice.expectAt(200, "GET", "/api/v1/assistant/models", null);
    String chosen = routing.get("primary").get(0).asText();
    boolean found = false;
    for (JsonNode m : models) {
      found |= m.get("id").asText().equals(chosen) && m.get("name").asText().equals(name);
    }
    assertThat(found).as("the capsule answers with the model the owner added").isTrue();

    try (Browser editor = new Browser()) {
      editor.openSignedIn("/app/models.xhtml", "eddie.acme");
      assertThat(editor.text("models:modelTable")).contains(name);
      assertThat(editor.driver.findElements(By.id("newModel:add"))).isEmpty();
    }
  }
}
