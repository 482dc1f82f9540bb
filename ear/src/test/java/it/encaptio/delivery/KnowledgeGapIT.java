package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The knowledge-gap loop: visitors' questions the content cannot answer are clustered by meaning
 * into a gap; an editor answers it (an FAQ item is indexed, the golden questions run again); the
 * next visitor asking it is answered with a citation and the gap shows resolved; a dislike opens it
 * again. Analysts and above read gaps, editors answer them, other tenants see none of it.
 */
class KnowledgeGapIT {

  private final CapsuleApi alice = new CapsuleApi("alice.acme");
  private final CapsuleApi eddie = new CapsuleApi("eddie.acme");

  @BeforeAll
  static void demoTenants() {
    ItEnvironment.awaitDemoTenants();
  }

  @Test
  void unansweredQuestionsBecomeAGapAnEditorAnswersAndVisitorsAreAnsweredSince() {
    String capsule = AssistantFixture.capsule(alice, "Gaps " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    eddie.expect(
        201,
        "POST",
        "/" + capsule + "/golden/questions",
        "{\"question\":\"How much is the rent?\",\"expectedFacts\":[\"1,450\"]}");

    for (String question :
        new String[] {
          "Is there wifi in the loft?", "Does the loft have wi-fi?", "Is there wifi in the loft?"
        }) {
      Visitor visitor = new Visitor(key);
      JsonNode answer = visitor.answer(visitor.start(), question);
      assertThat(answer.get("outcome").asText()).as(question).isEqualTo("refused");
    }
    for (int i = 0; i < 3; i++) {
      Visitor visitor = new Visitor(key);
      assertThat(visitor.answer(visitor.start(), "Are dogs allowed?").get("outcome").asText())
          .isEqualTo("answered");
    }

    JsonNode gaps = eddie.expect(200, "GET", "/" + capsule + "/gaps", null);
    assertThat(gaps).hasSize(1);
    JsonNode gap = gaps.get(0);
    assertThat(gap.get("question").asText()).isEqualTo("Is there wifi in the loft?");
    assertThat(gap.get("status").asText()).isEqualTo("open");
    assertThat(gap.get("questions").asInt()).isEqualTo(3);
    assertThat(gap.get("unanswered").asInt()).isEqualTo(3);
    assertThat(gap.get("lastWeek").asInt()).isEqualTo(3);
    String gapId = gap.get("id").asText();

    JsonNode all = eddie.expect(200, "GET", "/" + capsule + "/gaps?all=true", null);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).get("status").asText()).isEqualTo("covered");
    assertThat(all.get(1).get("answered").asInt()).isEqualTo(3);
    JsonNode suggestions =
        eddie.expect(200, "GET", "/" + capsule + "/gaps/golden-suggestions", null);
    assertThat(suggestions).hasSize(1);
    assertThat(suggestions.get(0).get("question").asText()).isEqualTo("Are dogs allowed?");
    assertThat(suggestions.get(0).get("answer").asText()).contains("Dogs and cats are welcome");

    JsonNode read = eddie.expect(200, "GET", "/" + capsule + "/gaps/" + gapId, null);
    assertThat(read.get("examples")).hasSize(3);
    assertThat(read.get("examples").findValuesAsText("question"))
        .contains("Does the loft have wi-fi?");

    // what to fix, and nothing changed
    assertThat(
            eddie
                .call("POST", "/" + capsule + "/gaps/" + gapId + "/answer", "{\"answer\":\" \"}")
                .body())
        .contains("Write the answer");
    assertThat(
            eddie
                .call("POST", "/" + capsule + "/gaps/" + gapId + "/answer", "{\"answer\":")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            eddie
                .call(
                    "POST",
                    "/" + capsule + "/gaps/" + java.util.UUID.randomUUID() + "/answer",
                    "{\"answer\":\"Yes.\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            eddie.expect(200, "GET", "/" + capsule + "/gaps/" + gapId, null).get("status").asText())
        .isEqualTo("open");

    JsonNode answered =
        eddie.expect(
            200,
            "POST",
            "/" + capsule + "/gaps/" + gapId + "/answer",
            "{\"answer\":\"Yes, free wifi reaches every room of the loft; the password is on the"
                + " fridge.\"}");
    assertThat(answered.get("status").asText()).isEqualTo("answered");
    String item = answered.get("faqItemId").asText();
    assertThat(
            eddie
                .call(
                    "POST", "/" + capsule + "/gaps/" + gapId + "/answer", "{\"answer\":\"Again.\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(eddie.settled(capsule, item).get("stage").asText()).isEqualTo("ready");
    ItEnvironment.await(
        "the golden questions to run again after the FAQ item was indexed",
        Duration.ofSeconds(60),
        () -> {
          JsonNode runs = eddie.expect(200, "GET", "/" + capsule + "/golden/runs", null);
          return runs.size() > 0 && "done".equals(runs.get(0).get("status").asText());
        });

    Visitor next = new Visitor(key);
    JsonNode reply = next.answer(next.start(), "Is there wifi in the loft?");
    assertThat(reply.get("outcome").asText()).isEqualTo("answered");
    assertThat(reply.get("text").asText()).contains("password is on the fridge");
    assertThat(reply.get("citations").get(0).get("itemTitle").asText())
        .isEqualTo("Is there wifi in the loft?");
    JsonNode resolved = eddie.expect(200, "GET", "/" + capsule + "/gaps/" + gapId, null);
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(resolved.get("questions").asInt()).isEqualTo(4);

    next.expect(
        204,
        "POST",
        "/messages/" + reply.get("messageId").asText() + "/feedback",
        "{\"value\":-1}");
    JsonNode disliked = eddie.expect(200, "GET", "/" + capsule + "/gaps/" + gapId, null);
    assertThat(disliked.get("disliked").asInt()).isEqualTo(1);
    assertThat(disliked.get("status").asText()).isEqualTo("answered");
  }

  @Test
  void gapsFollowTheRolesAndStayInTheirTenant() {
    String capsule = AssistantFixture.capsule(alice, "Gap rules " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    Visitor visitor = new Visitor(key);
    visitor.answer(visitor.start(), "Is there a sauna on the roof?");
    String gapId =
        alice.expect(200, "GET", "/" + capsule + "/gaps", null).get(0).get("id").asText();

    CapsuleApi vera = new CapsuleApi("vera.acme");
    assertThat(vera.call("GET", "/" + capsule + "/gaps", null).statusCode()).isEqualTo(403);
    assertThat(vera.call("POST", "/" + capsule + "/gaps/" + gapId + "/dismiss", null).statusCode())
        .isEqualTo(403);

    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(grace.call("GET", "/" + capsule + "/gaps", null).statusCode()).isEqualTo(404);
    assertThat(grace.call("GET", "/" + capsule + "/gaps/" + gapId, null).statusCode())
        .isEqualTo(404);
    assertThat(
            grace
                .call(
                    "POST",
                    "/" + capsule + "/gaps/" + gapId + "/answer",
                    "{\"answer\":\"From another tenant.\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(grace.call("POST", "/" + capsule + "/gaps/" + gapId + "/dismiss", null).statusCode())
        .isEqualTo(404);
    assertThat(grace.call("GET", "/" + capsule + "/gaps/golden-suggestions", null).statusCode())
        .isEqualTo(404);

    JsonNode dismissed =
        eddie.expect(200, "POST", "/" + capsule + "/gaps/" + gapId + "/dismiss", null);
    assertThat(dismissed.get("status").asText()).isEqualTo("dismissed");
    assertThat(alice.expect(200, "GET", "/" + capsule + "/gaps", null)).isEmpty();
    assertThat(
            alice
                .expect(200, "GET", "/" + capsule + "/gaps?all=true", null)
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("dismissed");
  }

  /** One question the clustering kept apart is made one cluster by an editor. */
  @Test
  void anEditorMergesTwoClustersOfOneQuestion() {
    String capsule = AssistantFixture.capsule(alice, "Gap merge " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    for (String question : new String[] {"Are pets allowed?", "Can I bring my dog?"}) {
      Visitor visitor = new Visitor(key);
      visitor.answer(visitor.start(), question);
    }
    JsonNode all = eddie.expect(200, "GET", "/" + capsule + "/gaps?all=true", null);
    assertThat(all).as("two wordings the clustering keeps apart").hasSize(2);
    String pets = all.get(0).get("id").asText();
    String dog = all.get(1).get("id").asText();

    assertThat(
            eddie
                .call(
                    "POST",
                    "/" + capsule + "/gaps/" + pets + "/merge",
                    "{\"into\":\"" + pets + "\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            new CapsuleApi("grace.globex")
                .call(
                    "POST",
                    "/" + capsule + "/gaps/" + pets + "/merge",
                    "{\"into\":\"" + dog + "\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            new CapsuleApi("vera.acme")
                .call(
                    "POST",
                    "/" + capsule + "/gaps/" + pets + "/merge",
                    "{\"into\":\"" + dog + "\"}")
                .statusCode())
        .isEqualTo(403);

    JsonNode merged =
        eddie.expect(
            200, "POST", "/" + capsule + "/gaps/" + pets + "/merge", "{\"into\":\"" + dog + "\"}");
    assertThat(merged.get("id").asText()).isEqualTo(dog);
    assertThat(merged.get("questions").asInt()).isEqualTo(2);
    assertThat(merged.get("examples").findValuesAsText("question"))
        .containsExactlyInAnyOrder("Are pets allowed?", "Can I bring my dog?");
    assertThat(eddie.expect(200, "GET", "/" + capsule + "/gaps?all=true", null)).hasSize(1);
    assertThat(eddie.call("GET", "/" + capsule + "/gaps/" + pets, null).statusCode())
        .isEqualTo(404);

    // the same words again join the merged cluster
    Visitor again = new Visitor(key);
    again.answer(again.start(), "Are pets allowed?");
    assertThat(
            eddie.expect(200, "GET", "/" + capsule + "/gaps/" + dog, null).get("questions").asInt())
        .isEqualTo(3);
  }

  /** A failure while clustering never costs the visitor the answer or the conversation. */
  @Test
  void aQuestionThatCannotBeClusteredIsStillAnsweredAndRecorded() throws Exception {
    String capsule = AssistantFixture.capsule(alice, "Gap failure " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    String constraint = "it_refuses_" + capsule.replace("-", "");
    try (java.sql.Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      // this capsule's questions cannot join any cluster: the clustering's insert fails
      db.createStatement()
          .execute(
              "ALTER TABLE "
                  + schema
                  + ".question_cluster_member ADD CONSTRAINT "
                  + constraint
                  + " CHECK (capsule_id <> '"
                  + capsule
                  + "') NOT VALID");
      try {
        Visitor visitor = new Visitor(key);
        String conversation = visitor.start();
        JsonNode answer = visitor.answer(conversation, "Is there a sauna in the loft?");
        assertThat(answer.get("outcome").asText()).isEqualTo("refused");
        try (var rows =
            db.createStatement()
                .executeQuery(
                    "select count(*) from "
                        + schema
                        + ".message where conversation_id = '"
                        + conversation
                        + "'")) {
          rows.next();
          assertThat(rows.getLong(1)).as("the question and its answer, recorded").isEqualTo(2);
        }
      } finally {
        db.createStatement()
            .execute(
                "ALTER TABLE " + schema + ".question_cluster_member DROP CONSTRAINT " + constraint);
      }
    }
    assertThat(eddie.expect(200, "GET", "/" + capsule + "/gaps?all=true", null))
        .as("nothing clustered, nothing half-written")
        .isEmpty();
  }

  /** The loop as an editor meets it, in Chromium. */
  @Test
  void anEditorAnswersAGapInThePortalAndSeesItResolved() throws Exception {
    String capsule = AssistantFixture.capsule(alice, "Gap portal " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    for (String question :
        new String[] {"Is there a sauna?", "Does the building have a sauna?", "Is there a gym?"}) {
      Visitor visitor = new Visitor(key);
      assertThat(visitor.answer(visitor.start(), question).get("outcome").asText())
          .isEqualTo("refused");
    }

    try (Browser editor = new Browser()) {
      editor.openSignedIn("/app/capsule.xhtml?id=" + capsule, "eddie.acme");
      editor.click("openGaps");
      String table = editor.text("gapsForm:gaps");
      assertThat(table).contains("Is there a sauna?").contains("open");
      editor.click("gapsForm:gaps:0:open");
      editor.wait.until(
          d -> d.findElement(By.id("gapsForm:selected")).getText().contains("Does the building"));
      assertThat(editor.driver.findElements(By.id("gapsForm:mergeInto")))
          .as("the other gap is offered to merge into")
          .hasSize(1);
      editor.click("gapsForm:gaps:0:answerGap");
      editor.type(
          "gapsForm:answer", "Yes, a Finnish sauna on the roof terrace, open from 7:00 to 22:00.");
      editor.click("gapsForm:saveAnswer");
      editor.wait.until(d -> d.getPageSource().contains("is being indexed"));
      assertThat(editor.text("gapsForm:gaps")).contains("answered");

      String item = null;
      for (JsonNode gap : eddie.expect(200, "GET", "/" + capsule + "/gaps", null)) {
        if (gap.get("question").asText().equals("Is there a sauna?")) {
          item = gap.get("faqItemId").asText();
        }
      }
      assertThat(item).as("the sauna gap's FAQ item").isNotNull();
      eddie.settled(capsule, item);
      Visitor next = new Visitor(key);
      JsonNode reply = next.answer(next.start(), "Is there a sauna?");
      assertThat(reply.get("outcome").asText()).isEqualTo("answered");
      assertThat(reply.get("text").asText()).contains("roof terrace");
      assertThat(reply.get("citations")).isNotEmpty();

      editor.click("gapsForm:reload");
      editor.wait.until(d -> d.findElement(By.id("gapsForm:gaps")).getText().contains("resolved"));
      editor.close("knowledge-gaps");
    }
  }
}
