package it.encaptio.ai;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The playground in headless Chromium: an editor asks the capsule a question and sees the answer,
 * its sources, the passages retrieval found with their scores and the time of each stage; a
 * follow-up continues the conversation.
 */
class PlaygroundIT {

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void anEditorAsksTheCapsuleAndSeesTheAnswerItsSourcesAndScores() throws Exception {
    String capsule =
        AssistantFixture.capsule(new CapsuleApi("eddie.acme"), "Playground " + System.nanoTime());
    try (Browser eddie = new Browser()) {
      eddie.openSignedIn("/app/playground.xhtml?id=" + capsule, "eddie.acme");
      eddie.type("playground:question", "What time is check-in?");
      eddie.click("playground:ask");
      eddie.wait.until(d -> !d.findElements(By.id("answerText")).isEmpty());
      assertThat(eddie.text("answerText")).contains("Check-in is from 15:00").contains("[1]");
      assertThat(eddie.text("citations")).contains("House rules");
      String passages = eddie.text("playground:passages");
      assertThat(passages).contains("House rules").contains("(1)");
      assertThat(eddie.text("stages")).contains("vector:").contains("keyword:").contains("total:");

      eddie.type("playground:question", "And check-out?");
      eddie.click("playground:ask");
      eddie.wait.until(
          d -> d.findElement(By.id("answerQuestion")).getText().equals("And check-out?"));
      assertThat(eddie.text("answerText")).contains("check-out is by 11:00");
      assertThat(eddie.driver.getPageSource()).contains("Earlier in this conversation");
    }
  }
}
