package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.notification.Told;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web addresses as content, fetched by the server from a site the test serves on loopback: a page
 * and a crawled site (depth, page limit, robots.txt, same origin) indexed with their addresses as
 * citations; live sync that re-indexes only what changed and flags a source that keeps failing as
 * stale without losing its chunks; SSRF refusals; bad input; isolation.
 */
class UrlSourcesIT {

  private static TestSite site;
  private static CapsuleApi alice;
  private static String capsule;

  @BeforeAll
  static void aSiteAndACapsule() throws Exception {
    ItEnvironment.awaitDemoTenants();
    site = new TestSite();
    alice = new CapsuleApi("alice.acme");
    capsule =
        alice
            .expect(201, "POST", "", "{\"name\": \"Web " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText();
  }

  @AfterAll
  static void closeSite() {
    site.close();
  }

  private static JsonNode add(String json) {
    HttpResponse<String> added = alice.call("POST", "/" + capsule + "/urls", json);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    return ItEnvironment.json(added.body());
  }

  private static JsonNode item(JsonNode item) {
    return alice.expect(200, "GET", "/" + capsule + "/content/" + item.get("id").asText(), null);
  }

  private static JsonNode awaitItem(JsonNode item, String what, Predicate<JsonNode> condition) {
    JsonNode[] current = new JsonNode[1];
    ItEnvironment.await(
        what, Duration.ofSeconds(120), () -> condition.test(current[0] = item(item)));
    return current[0];
  }

  private static List<JsonNode> chunks(JsonNode item) {
    List<JsonNode> chunks = new ArrayList<>();
    alice
        .expect(200, "GET", "/" + capsule + "/content/" + item.get("id").asText() + "/chunks", null)
        .forEach(chunks::add);
    return chunks;
  }

  private static String allText(JsonNode item) {
    return String.join("\n", chunks(item).stream().map(c -> c.get("text").asText()).toList());
  }

  @Test
  void aPageIsIndexedWithItsAddressAsTheCitation() {
    site.html("/pricing", "Pricing", "The Pro plan costs 49 euros a month.");
    JsonNode added = add("{\"url\": \"" + site.url("/pricing") + "\"}");
    assertThat(added.get("kind").asText()).isEqualTo("url");

    JsonNode ready = alice.settled(capsule, added.get("id").asText());
    assertThat(ready.get("stage").asText()).as(ready.toString()).isEqualTo("ready");
    assertThat(ready.get("pages").asInt()).isEqualTo(1);
    JsonNode chunk = chunks(ready).get(0);
    assertThat(chunk.get("text").asText()).contains("49 euros");
    assertThat(chunk.get("position").asText()).isEqualTo(site.url("/pricing"));
    assertThat(chunk.get("headingPath").asText()).isEqualTo("Pricing");
  }

  @Test
  void aSiteIsCrawledWithinDepthAndPagesObeyingRobotsTxt() {
    site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /docs/private\n")
        .html("/docs/", "Docs", "Welcome to the manual.", "/docs/a", "/docs/b", "/docs/private")
        .html("/docs/a", "Charging", "A full charge takes 7 hours.", "/docs/deep")
        .html("/docs/b", "Warranty", "The battery warranty is 8 years.")
        .html("/docs/private", "Internal", "The staff discount code is SECRET42.")
        .html("/docs/deep", "Deep", "This page is two links away.");

    JsonNode crawled =
        alice.settled(
            capsule,
            add("{\"url\": \"" + site.url("/docs/") + "\", \"depth\": 1, \"maxPages\": 10}")
                .get("id")
                .asText());

    assertThat(crawled.get("stage").asText()).as(crawled.toString()).isEqualTo("ready");
    assertThat(crawled.get("pages").asInt()).isEqualTo(3);
    String text = allText(crawled);
    assertThat(text).contains("7 hours", "8 years").doesNotContain("SECRET42", "two links away");
    assertThat(site.hits("/docs/private")).as("robots.txt disallows it").isZero();
    assertThat(chunks(crawled).stream().map(c -> c.get("position").asText()))
        .contains(site.url("/docs/a"), site.url("/docs/b"));

    JsonNode limited =
        alice.settled(
            capsule,
            add("{\"url\": \"" + site.url("/docs/a") + "\", \"depth\": 2, \"maxPages\": 1}")
                .get("id")
                .asText());
    assertThat(limited.get("pages").asInt()).isEqualTo(1);
  }

  @Test
  void syncReindexesOnlyWhenThePageChangedAndKeepsChunksWhenItFails() {
    site.html("/hours", "Opening hours", "We open at nine.");
    JsonNode item =
        alice.settled(
            capsule,
            add("{\"url\": \"" + site.url("/hours") + "\", \"syncHours\": 24}").get("id").asText());
    assertThat(item.get("syncHours").asInt()).isEqualTo(24);
    String firstIndexed = item.get("indexedAt").asText();

    // unchanged: fetched again, not indexed again
    int hits = site.hits("/hours");
    alice.expect(
        202, "POST", "/" + capsule + "/content/" + item.get("id").asText() + "/sync", null);
    JsonNode unchanged =
        awaitItem(
            item,
            "an unchanged sync",
            i -> !i.get("lastSyncedAt").asText().equals(item.get("lastSyncedAt").asText()));
    assertThat(site.hits("/hours")).isGreaterThan(hits);
    assertThat(unchanged.get("indexedAt").asText()).isEqualTo(firstIndexed);
    assertThat(allText(unchanged)).contains("nine");

    // changed: its chunks are replaced
    site.html("/hours", "Opening hours", "We open at ten from December.");
    alice.expect(
        202, "POST", "/" + capsule + "/content/" + item.get("id").asText() + "/sync", null);
    JsonNode changed =
        awaitItem(
            item,
            "a changed sync",
            i ->
                !i.get("indexedAt").asText().equals(firstIndexed)
                    && "ready".equals(i.get("stage").asText()));
    assertThat(allText(changed)).contains("ten from December").doesNotContain("nine");

    // failing: counted, stale after three in a row, the last good chunks stay
    site.failing("/hours", 500);
    for (int failures = 1; failures <= 3; failures++) {
      int expected = failures;
      alice.expect(
          202, "POST", "/" + capsule + "/content/" + item.get("id").asText() + "/sync", null);
      awaitItem(item, "sync failure " + expected, i -> i.get("syncFailures").asInt() == expected);
    }
    JsonNode stale = item(item);
    assertThat(stale.get("stale").asBoolean()).isTrue();
    assertThat(stale.get("stage").asText()).isEqualTo("ready");
    assertThat(stale.get("syncError").asText()).contains("500");
    assertThat(allText(stale)).contains("ten from December");
    Told.await(alice, "source.stale", capsule, "3 times in a row");

    // back: one good sync clears the flag
    site.html("/hours", "Opening hours", "We open at ten from December.");
    alice.expect(
        202, "POST", "/" + capsule + "/content/" + item.get("id").asText() + "/sync", null);
    assertThat(
            awaitItem(item, "a good sync", i -> i.get("syncFailures").asInt() == 0)
                .get("stale")
                .asBoolean())
        .isFalse();
  }

  @Test
  void aReindexThatCannotFetchKeepsTheEarlierIndex() {
    site.html("/menu", "Menu", "Soup of the day is tomato.");
    JsonNode item =
        alice.settled(capsule, add("{\"url\": \"" + site.url("/menu") + "\"}").get("id").asText());
    assertThat(item.get("stage").asText()).isEqualTo("ready");

    site.failing("/menu", 503);
    alice.expect(
        202, "POST", "/" + capsule + "/content/" + item.get("id").asText() + "/reindex", null);
    JsonNode kept = alice.settled(capsule, item.get("id").asText());
    assertThat(kept.get("stage").asText()).isEqualTo("ready");
    assertThat(kept.get("error").asText()).contains("earlier index is kept", "503");
    assertThat(allText(kept)).contains("tomato");
  }

  @Test
  void privateAddressesRedirectsIntoThemAndMissingPagesFailWithAReason() {
    JsonNode metadata =
        alice.settled(
            capsule,
            add("{\"url\": \"http://169.254.169.254/latest/meta-data/\"}").get("id").asText());
    assertThat(metadata.get("stage").asText()).isEqualTo("failed");
    assertThat(metadata.get("error").asText()).contains("private or local network");

    site.redirect("/innocent", "http://10.0.0.1/admin");
    JsonNode redirected =
        alice.settled(
            capsule, add("{\"url\": \"" + site.url("/innocent") + "\"}").get("id").asText());
    assertThat(redirected.get("stage").asText()).isEqualTo("failed");
    assertThat(redirected.get("error").asText()).contains("private or local network");

    JsonNode missing =
        alice.settled(capsule, add("{\"url\": \"" + site.url("/gone") + "\"}").get("id").asText());
    assertThat(missing.get("stage").asText()).isEqualTo("failed");
    assertThat(missing.get("error").asText()).contains("404");
  }

  @Test
  void badAddressesAndLimitsAreRefusedAndAnAddressIsAddedOnce() {
    HttpResponse<String> ftp =
        alice.call("POST", "/" + capsule + "/urls", "{\"url\": \"ftp://example.com/file\"}");
    assertThat(ftp.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(ftp.body()).at("/errors/url").asText()).contains("https://");

    HttpResponse<String> limits =
        alice.call(
            "POST",
            "/" + capsule + "/urls",
            "{\"url\": \"https://example.com/\", \"depth\": 9, \"maxPages\": 0, \"syncHours\": 0}");
    assertThat(limits.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(limits.body()).get("errors").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("depth", "maxPages", "syncHours");

    site.html("/once", "Once", "Only once.");
    add("{\"url\": \"" + site.url("/once") + "\"}");
    HttpResponse<String> again =
        alice.call("POST", "/" + capsule + "/urls", "{\"url\": \"" + site.url("/once") + "\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("in the capsule already");
  }

  @Test
  void anotherTenantCannotAddSyncReindexOrRemoveThisContent() {
    site.html("/mine", "Mine", "Acme's page.");
    JsonNode item = add("{\"url\": \"" + site.url("/mine") + "\"}");
    String path = "/" + capsule + "/content/" + item.get("id").asText();

    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(
            grace
                .call("POST", "/" + capsule + "/urls", "{\"url\": \"" + site.url("/x") + "\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(grace.call("POST", path + "/sync", null).statusCode()).isEqualTo(404);
    assertThat(grace.call("POST", path + "/reindex", null).statusCode()).isEqualTo(404);
    assertThat(grace.call("POST", path + "/cancel", null).statusCode()).isEqualTo(404);
    assertThat(grace.call("DELETE", path, null).statusCode()).isEqualTo(404);
    assertThat(new CapsuleApi("vera.acme").call("DELETE", path, null).statusCode()).isEqualTo(403);

    alice.settled(capsule, item.get("id").asText());
    assertThat(alice.call("DELETE", path, null).statusCode()).isEqualTo(204);
    assertThat(alice.call("GET", path, null).statusCode()).isEqualTo(404);
  }
}
