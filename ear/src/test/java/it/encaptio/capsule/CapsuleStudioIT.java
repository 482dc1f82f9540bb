package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.ItEnvironment;
import it.encaptio.support.Browser;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The capsule studio in headless Chromium: an editor creates a capsule from a template, uploads a
 * PDF and watches it reach "ready" without reloading, adds text, changes the welcome message (saved
 * as they type, with the prompt preview following), is told what is missing, publishes, and
 * visitors see the new version.
 */
class CapsuleStudioIT {

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void anEditorBuildsAndPublishesACapsule() throws Exception {
    String name = "Course preview " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser eddie = new Browser()) {
      eddie.openSignedIn("/app/capsules.xhtml", "eddie.acme");
      eddie.click("toolbarForm:newCapsule");
      eddie.type("newCapsuleForm:name", name);
      eddie
          .driver
          .findElement(By.xpath("//label[starts-with(normalize-space(), 'Course preview')]"))
          .click();
      eddie.click("newCapsuleForm:create");

      eddie.wait.until(d -> d.getCurrentUrl().contains("capsule.xhtml?id="));
      assertThat(eddie.text("capsuleName")).isEqualTo(name);
      assertThat(eddie.text("capsuleStatus")).isEqualTo("draft");

      openTab(eddie, "Publish");
      eddie.click("editor:tabs:publish");
      eddie.wait.until(d -> d.getPageSource().contains("Add content first"));
      assertThat(eddie.text("capsuleStatus")).isEqualTo("draft");

      openTab(eddie, "Content");
      java.nio.file.Path pdf = java.nio.file.Files.createTempFile("syllabus", ".pdf");
      java.nio.file.Files.write(pdf, SampleFiles.pdf("Week three covers recursion."));
      eddie
          .driver
          .findElement(By.cssSelector("[id='editor:tabs:upload'] input[type=file]"))
          .sendKeys(pdf.toString());
      eddie.wait.until(
          d -> {
            String items = d.findElement(By.id("editor:tabs:contentItems")).getText();
            return items.contains(pdf.getFileName().toString()) && items.contains("ready");
          });
      java.nio.file.Files.delete(pdf);

      eddie.type("contentForm:title", "Syllabus");
      eddie.type("contentForm:text", "Week one covers variables; week two covers loops.");
      eddie.click("contentForm:addContent");
      openTab(eddie, "Content");
      eddie.wait.until(
          d -> d.findElement(By.id("editor:tabs:contentItems")).getText().contains("Syllabus"));

      openTab(eddie, "Assistant");
      var welcome = eddie.driver.findElement(By.id("editor:tabs:welcomeMessage"));
      welcome.clear();
      eddie.type("editor:tabs:welcomeMessage", "Ready to learn to code?", Keys.TAB);
      eddie.wait.until(
          d -> d.findElement(By.id("editor:savedAt")).getText().startsWith("Draft saved"));
      var tone = eddie.driver.findElement(By.id("editor:tabs:tone"));
      tone.clear();
      eddie.type("editor:tabs:tone", "playful", Keys.TAB);
      eddie.wait.until(
          d -> d.findElement(By.id("editor:tabs:prompt")).getText().contains("Tone: playful"));

      openTab(eddie, "Publish");
      eddie.click("editor:tabs:publish");
      eddie.wait.until(d -> d.findElement(By.id("capsuleStatus")).getText().equals("published"));
      assertThat(eddie.text("editor:tabs:versions")).contains("v1", "eddie.acme");
      String publicKey = eddie.text("editor:tabs:publicKey");

      HttpResponse<String> visitor = CapsuleApi.visit(publicKey);
      assertThat(visitor.statusCode()).isEqualTo(200);
      assertThat(ItEnvironment.json(visitor.body()).get("welcomeMessage").asText())
          .isEqualTo("Ready to learn to code?");
    }
  }

  @Test
  void aMemberWithoutTheEditorRoleSeesButCannotChange() throws Exception {
    try (Browser vera = new Browser()) {
      vera.openSignedIn("/app/capsules.xhtml", "vera.acme");
      vera.text("capsulesForm:capsules");

      assertThat(vera.driver.findElements(By.id("toolbarForm:newCapsule"))).isEmpty();
      vera.open("/app/first-capsule.xhtml");
      vera.wait.until(d -> d.getCurrentUrl().contains("capsules.xhtml"));
      assertThat(vera.driver.findElements(By.id("wizardForm:wizard"))).isEmpty();
    }
  }

  @Test
  void anotherOrganizationsCapsuleOrABrokenLinkOpensNothing() throws Exception {
    String acmeCapsule =
        new CapsuleApi("alice.acme")
            .expect(201, "POST", "", "{\"name\": \"Acme internal pricing\"}")
            .get("id")
            .asText();
    try (Browser gus = new Browser()) {
      gus.openSignedIn("/app/capsule.xhtml?id=" + acmeCapsule, "gus.globex");
      assertThat(gus.text("missingNotice")).contains("does not exist in this organization");
      assertThat(gus.driver.getPageSource()).doesNotContain("Acme internal pricing");

      gus.open("/app/capsule.xhtml?id=not-a-capsule");
      assertThat(gus.text("missingNotice")).contains("does not exist in this organization");
    }
  }

  @Test
  void theWizardMakesAFirstCapsuleWithContentInOneGo() throws Exception {
    // initech's owner clears its capsules (other tests publish one there): the list offers the
    // wizard
    CapsuleApi initech = new CapsuleApi("ivan.initech");
    for (var capsule : initech.expect(200, "GET", "?first=0&max=100", null).get("capsules")) {
      initech.expect(204, "DELETE", "/" + capsule.get("id").asText(), null);
    }
    try (Browser ivan = new Browser()) {
      ivan.openSignedIn("/app/capsules.xhtml", "ivan.initech");
      assertThat(ivan.text("firstCapsule")).contains("Make your first capsule");
    }
    String name = "Wizard loft " + UUID.randomUUID().toString().substring(0, 6);
    String broken = "Broken wizard " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser eddie = new Browser()) {
      eddie.openSignedIn("/app/first-capsule.xhtml", "eddie.acme");
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.getPageSource().contains("Give the capsule a name"));

      // a refusal at the end creates nothing: not the capsule, not its text
      eddie.type("wizardForm:name", broken);
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:url")).isDisplayed());
      eddie.type("wizardForm:title", "Facts");
      eddie.type("wizardForm:text", "Some facts.");
      eddie.type("wizardForm:url", "not a web address");
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:welcomeMessage")).isDisplayed());
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:createCapsule")).isDisplayed());
      eddie.click("wizardForm:createCapsule");
      eddie.wait.until(d -> d.getPageSource().contains("full web address"));
      assertThat(eddie.driver.getCurrentUrl()).contains("first-capsule");
      try (var db = ItEnvironment.database();
          var query =
              db.prepareStatement(
                  "select count(*) from "
                      + ItEnvironment.tenantSchema(db, "acme")
                      + ".capsule where name = ?")) {
        query.setString(1, broken);
        try (var rows = query.executeQuery()) {
          rows.next();
          assertThat(rows.getInt(1)).as("nothing half-made").isZero();
        }
      }
      eddie.open("/app/first-capsule.xhtml");
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.getPageSource().contains("Give the capsule a name"));

      eddie.type("wizardForm:name", name);
      eddie
          .driver
          .findElement(By.xpath("//label[starts-with(normalize-space(), 'Real-estate')]"))
          .click();
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:title")).isDisplayed());
      eddie.type("wizardForm:title", "Key facts");
      eddie.type("wizardForm:text", "The loft has two bedrooms and a south terrace.");
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:welcomeMessage")).isDisplayed());
      assertThat(eddie.driver.findElement(By.id("wizardForm:welcomeMessage")).getAttribute("value"))
          .as("prefilled from the template")
          .isNotBlank();
      var welcome = eddie.driver.findElement(By.id("wizardForm:welcomeMessage"));
      welcome.clear();
      eddie.type("wizardForm:welcomeMessage", "Welcome to the loft!");
      eddie.click("wizardForm:wizard_next");
      eddie.wait.until(d -> d.findElement(By.id("wizardForm:reviewName")).isDisplayed());
      assertThat(eddie.text("wizardForm:reviewName")).isEqualTo(name);
      eddie.click("wizardForm:createCapsule");

      eddie.wait.until(d -> d.getCurrentUrl().contains("capsule.xhtml?id="));
      assertThat(eddie.text("capsuleName")).isEqualTo(name);
      eddie.wait.until(
          d -> d.findElement(By.id("editor:tabs:contentItems")).getText().contains("Key facts"));
      openTab(eddie, "Assistant");
      assertThat(
              eddie.driver.findElement(By.id("editor:tabs:welcomeMessage")).getAttribute("value"))
          .isEqualTo("Welcome to the loft!");
    }
  }

  @Test
  void theLivePreviewFollowsTheBrandTheWelcomeAndTheLeadForm() throws Exception {
    String id =
        new CapsuleApi("alice.acme")
            .expect(201, "POST", "", "{\"name\": \"Preview loft\", \"template\": \"real-estate\"}")
            .get("id")
            .asText();
    try (Browser eddie = new Browser()) {
      eddie.openSignedIn("/app/capsule.xhtml?id=" + id, "eddie.acme");
      assertThat(eddie.text("previewName")).isEqualTo("Preview loft");

      openTab(eddie, "Brand");
      var colour = eddie.driver.findElement(By.id("editor:tabs:primaryColor"));
      ((org.openqa.selenium.JavascriptExecutor) eddie.driver)
          .executeScript(
              "arguments[0].value = '#0b5a3c';"
                  + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
              colour);
      eddie.wait.until(
          d -> d.findElement(By.id("preview")).getAttribute("style").contains("#0b5a3c"));
      assertThat(eddie.text("editor:tabs:contrastHint")).contains(":1");
      java.nio.file.Path logo = java.nio.file.Files.createTempFile("logo", ".png");
      java.nio.file.Files.write(logo, SampleFiles.png());
      eddie
          .driver
          .findElement(By.cssSelector("[id='editor:tabs:logoUpload'] input[type=file]"))
          .sendKeys(logo.toString());
      eddie.wait.until(d -> !d.findElements(By.cssSelector("#preview img.preview-logo")).isEmpty());
      java.nio.file.Files.delete(logo);

      openTab(eddie, "Assistant");
      var welcome = eddie.driver.findElement(By.id("editor:tabs:welcomeMessage"));
      welcome.clear();
      eddie.type("editor:tabs:welcomeMessage", "Come and see the loft!", Keys.TAB);
      eddie.wait.until(
          d -> d.findElement(By.id("previewWelcome")).getText().equals("Come and see the loft!"));

      openTab(eddie, "Actions");
      assertThat(eddie.driver.findElements(By.id("previewLead"))).isEmpty();
      eddie
          .driver
          .findElement(By.cssSelector("[id='editor:tabs:leadEnabled'] .ui-chkbox-box"))
          .click();
      eddie.wait.until(d -> !d.findElements(By.id("previewLead")).isEmpty());
      assertThat(eddie.text("previewLead")).contains("Leave your details");
    }
  }

  private static void openTab(Browser browser, String title) {
    browser
        .driver
        .findElement(By.xpath("//ul[@role='tablist']//a[normalize-space()='" + title + "']"))
        .click();
  }
}
