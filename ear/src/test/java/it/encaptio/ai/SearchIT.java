package it.encaptio.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editors' search: vector, keyword and hybrid retrieval with each stage's scores, metadata
 * filters (content item, tag, language), settings tried without saving, and refusals of bad input.
 */
class SearchIT {

  private static final CapsuleApi ALICE = new CapsuleApi("alice.acme");
  private static String capsule;
  private static String rules;
  private static String german;

  @BeforeAll
  static void capsule() {
    capsule = AssistantFixture.capsule(ALICE, "Search " + System.nanoTime());
    german =
        AssistantFixture.add(
            ALICE,
            capsule,
            "Hausordnung",
            "Der Check-in ist ab 15 Uhr möglich. Rauchen ist im ganzen Gebäude verboten.");
    for (JsonNode item : ALICE.expect(200, "GET", "/" + capsule + "/content", null)) {
      if (item.get("title").asText().equals("House rules")) {
        rules = item.get("id").asText();
      }
    }
    ALICE.expect(
        200,
        "PUT",
        "/" + capsule + "/content/" + rules + "/labels",
        "{\"tags\": [\"Rules\", \"stay\"], \"language\": \"en\"}");
    ALICE.expect(
        200,
        "PUT",
        "/" + capsule + "/content/" + german + "/labels",
        "{\"tags\": [\"rules\"], \"language\": \"de\"}");
  }

  /**
   * A German capsule's keyword index stems German: "Zimmer" finds "Zimmern" (both "zimm"; the
   * English stemmer leaves "zimmer" and "zimmern" apart).
   */
  @Test
  void aCapsulesKeywordsAreStemmedInItsLanguage() {
    JsonNode created = newCapsule("Seeblick");
    String id = created.get("id").asText();
    inGerman(created);
    AssistantFixture.add(
        ALICE, id, "Ausstattung", "In allen Zimmern gibt es einen Balkon mit Blick auf den See.");
    JsonNode found =
        ALICE.expect(
            200,
            "POST",
            "/" + id + "/assistant/search",
            "{\"question\": \"Zimmer\", \"mode\": \"keyword\"}");
    assertThat(titles(found)).containsExactly("Ausstattung");
  }

  /**
   * A capsule whose language changes is indexed again in the new one: German text in an English
   * capsule is stemmed as English ("Zimmer" misses "Zimmern"); set to German, its items are queued
   * and, once indexed again, found.
   */
  @Test
  void aNewLanguageIndexesTheCapsuleAgain() {
    JsonNode created = newCapsule("Bergblick");
    String id = created.get("id").asText();
    String item =
        AssistantFixture.add(
            ALICE,
            id,
            "Ausstattung",
            "In allen Zimmern gibt es einen Balkon mit Blick auf die Berge.");
    String keyword = "{\"question\": \"Zimmer\", \"mode\": \"keyword\"}";
    assertThat(titles(ALICE.expect(200, "POST", "/" + id + "/assistant/search", keyword)))
        .isEmpty();

    inGerman(created);
    assertThat(ALICE.expect(200, "GET", "/" + id + "/content/" + item, null).get("stage").asText())
        .isEqualTo("queued");
    assertThat(ALICE.settled(id, item).get("stage").asText()).isEqualTo("ready");
    assertThat(titles(ALICE.expect(200, "POST", "/" + id + "/assistant/search", keyword)))
        .containsExactly("Ausstattung");
  }

  private static JsonNode newCapsule(String name) {
    return ALICE.expect(
        201,
        "POST",
        "",
        ItEnvironment.JSON
            .createObjectNode()
            .put("name", name + " " + System.nanoTime())
            .toString());
  }

  private static void inGerman(JsonNode capsule) {
    ALICE.saveDraft(
        capsule,
        ((com.fasterxml.jackson.databind.node.ObjectNode) capsule.get("draft").deepCopy())
            .put("language", "de"));
  }

  private static JsonNode search(String body) {
    return ALICE.expect(200, "POST", "/" + capsule + "/assistant/search", body);
  }

  private static Set<String> titles(JsonNode found) {
    Set<String> titles = new HashSet<>();
    found.get("passages").forEach(p -> titles.add(p.get("itemTitle").asText()));
    return titles;
  }

  @Test
  void eachModeReportsItsOwnStageAndHybridReportsBoth() {
    JsonNode keyword = search("{\"question\": \"smoking building\", \"mode\": \"keyword\"}");
    assertThat(keyword.at("/passages/0/itemTitle").asText()).isEqualTo("House rules");
    assertThat(keyword.at("/passages/0/keywordScore").asDouble()).isPositive();
    assertThat(keyword.at("/passages/0").has("vectorScore")).as("no vector stage").isFalse();
    assertThat(keyword.get("millis").has("embed")).isFalse();

    JsonNode vector = search("{\"question\": \"Can I smoke inside?\", \"mode\": \"vector\"}");
    assertThat(vector.at("/passages/0/vectorRank").asInt()).isEqualTo(1);
    assertThat(vector.get("millis").has("keyword")).isFalse();

    JsonNode hybrid =
        search("{\"question\": \"Is smoking allowed in the building?\", \"limit\": 3}");
    assertThat(hybrid.get("passages")).hasSizeLessThanOrEqualTo(3);
    JsonNode first = hybrid.at("/passages/0");
    assertThat(first.get("itemTitle").asText()).isIn("House rules", "Hausordnung");
    assertThat(first.get("vectorRank").asInt()).isPositive();
    assertThat(first.get("keywordRank").asInt()).isPositive();
    assertThat(hybrid.get("models").get(0).asText()).isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void filtersLimitTheSearchToItemsTagsAndLanguages() {
    String question = "{\"question\": \"check-in time smoking\", \"limit\": 20";
    assertThat(titles(search(question + ", \"items\": [\"" + rules + "\"]}")))
        .containsOnly("House rules");
    assertThat(titles(search(question + ", \"tags\": [\"RULES\"]}")))
        .containsOnly("House rules", "Hausordnung");
    assertThat(titles(search(question + ", \"tags\": [\"rules\"], \"language\": \"de\"}")))
        .containsOnly("Hausordnung");
    assertThat(search(question + ", \"tags\": [\"nothing-has-this\"]}").get("passages"))
        .as("labels that match no item find nothing, not everything")
        .isEmpty();
    JsonNode labelled = ALICE.expect(200, "GET", "/" + capsule + "/content/" + rules, null);
    assertThat(labelled.get("tags").toString()).isEqualTo("[\"rules\",\"stay\"]");
    assertThat(labelled.get("language").asText()).isEqualTo("en");
  }

  @Test
  void settingsCanBeTriedWithoutSavingThem() {
    JsonNode rrf =
        search(
            "{\"question\": \"rent deposit\", \"settings\": {\"fusion\": \"rrf\", \"rrfK\": 10}}");
    assertThat(rrf.at("/passages/0/fusedScore").asDouble()).isLessThan(0.2);
    JsonNode saved = ALICE.expect(200, "GET", "/" + capsule + "/assistant/retrieval", null);
    assertThat(saved.get("fusion").asText()).isEqualTo("weighted");
    assertThat(saved.get("vectorWeight").asDouble()).isEqualTo(0.6);

    JsonNode changed =
        ALICE.expect(
            200,
            "PUT",
            "/" + capsule + "/assistant/retrieval",
            "{\"passages\": 3, \"vectorWeight\": 0.5}");
    assertThat(changed.get("passages").asInt()).isEqualTo(3);
    assertThat(changed.get("fusion").asText()).isEqualTo("weighted");
  }

  @Test
  void badInputIsRefusedWithWhatToFix() {
    HttpResponse<String> limit =
        ALICE.call(
            "POST",
            "/" + capsule + "/assistant/search",
            "{\"question\": \"rent\", \"limit\": 500}");
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(limit.body()).at("/errors/limit").asText()).contains("1 to 200");
    HttpResponse<String> labels =
        ALICE.call(
            "PUT",
            "/" + capsule + "/content/" + rules + "/labels",
            "{\"tags\": [\"no spaces please\"], \"language\": \"english\"}");
    assertThat(labels.statusCode()).isEqualTo(400);
    JsonNode errors = ItEnvironment.json(labels.body()).get("errors");
    assertThat(errors.has("tags")).isTrue();
    assertThat(errors.get("language").asText()).contains("two-letter");
    HttpResponse<String> settings =
        ALICE.call(
            "PUT",
            "/" + capsule + "/assistant/retrieval",
            "{\"vectorCandidates\": 0, \"fusion\": \"magic\"}");
    assertThat(ItEnvironment.json(settings.body()).get("errors").has("vectorCandidates")).isTrue();
    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(
            grace
                .call("PUT", "/" + capsule + "/content/" + rules + "/labels", "{\"tags\": [\"x\"]}")
                .statusCode())
        .isEqualTo(404);
  }
}
