package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * Who may use a capsule: pages of allowed origins only (CORS and an Origin check on every public
 * call), capsules that require signed embed tokens refuse calls without a valid one, and nothing of
 * one tenant's capsules, leads or conversations is reachable from another tenant or another
 * capsule.
 */
class DeliverySecurityIT {

  private static final String SHOP = "https://shop.example.com";

  private final CapsuleApi alice = new CapsuleApi("alice.acme");
  private final CapsuleApi eddie = new CapsuleApi("eddie.acme");
  private final CapsuleApi grace = new CapsuleApi("grace.globex");

  private String publishedKey(String capsule) {
    return alice.expect(200, "GET", "/" + capsule + "/delivery", null).get("publicKey").asText();
  }

  @Test
  void onlyPagesOfAllowedOriginsGetAChat() {
    String capsule = AssistantFixture.capsule(alice, "Origins " + System.nanoTime());
    String key = publishedKey(capsule);

    Visitor evil = new Visitor(key).from("https://evil.example");
    HttpResponse<String> refused = evil.call("POST", "/conversations", "{}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(ItEnvironment.json(refused.body()).get("type").asText())
        .endsWith("/origin-not-allowed");
    assertThat(refused.body()).contains("may not use this capsule");
    assertThat(new Visitor(key).from(SHOP).call("GET", "", null).statusCode())
        .as("not allowed until listed")
        .isEqualTo(403);

    HttpResponse<String> invalid =
        eddie.call(
            "PUT",
            "/" + capsule + "/delivery",
            "{\"allowedOrigins\": [\"shop.example.com/chat\"]}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("allowedOrigins");
    JsonNode delivery =
        eddie.expect(
            200,
            "PUT",
            "/" + capsule + "/delivery",
            "{\"allowedOrigins\": [\"https://Shop.Example.com/\", \"https://*.partner.example\"]}");
    assertThat(delivery.get("allowedOrigins").get(0).asText()).isEqualTo(SHOP);

    Visitor shopper = new Visitor(key).from(SHOP);
    HttpResponse<String> preflight =
        shopper.call(
            "OPTIONS",
            "/conversations",
            null,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type, encaptio-visitor");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Encaptio-Visitor");

    String conversation = shopper.start();
    HttpResponse<String> answer = shopper.ask(conversation, "What time is check-out?");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
    assertThat(
            new Visitor(key).from("https://www.partner.example").call("GET", "", null).statusCode())
        .isEqualTo(200);
    assertThat(new Visitor(key).from(ItEnvironment.baseUrl()).call("GET", "", null).statusCode())
        .as("the platform's own share page")
        .isEqualTo(200);
    assertThat(evil.call("GET", "", null).statusCode()).isEqualTo(403);

    JsonNode inbox = alice.expect(200, "GET", "/" + capsule + "/conversations", null);
    assertThat(PublicChatIT.find(inbox, "id", conversation).get("origin").asText()).isEqualTo(SHOP);
  }

  @Test
  void capsulesRequiringSignedTokensRefuseMissingExpiredTamperedAndForeignOnes() throws Exception {
    String capsule = AssistantFixture.capsule(alice, "Tokens " + System.nanoTime());
    String other = AssistantFixture.capsule(alice, "Tokens other " + System.nanoTime());
    String key = publishedKey(capsule);

    assertThat(eddie.call("POST", "/" + capsule + "/delivery/secret", null).statusCode())
        .as("editors don't make secrets")
        .isEqualTo(403);
    assertThat(
            eddie
                .call("PUT", "/" + capsule + "/delivery", "{\"requireSignedToken\": true}")
                .statusCode())
        .as("no secret yet")
        .isEqualTo(409);
    JsonNode made = alice.expect(201, "POST", "/" + capsule + "/delivery/secret", null);
    String secret = made.get("secret").asText();
    assertThat(made.get("audience").asText()).isEqualTo(key);
    JsonNode delivery =
        eddie.expect(200, "PUT", "/" + capsule + "/delivery", "{\"requireSignedToken\": true}");
    assertThat(delivery.get("requireSignedToken").asBoolean()).isTrue();
    assertThat(delivery.get("hasEmbedSecret").asBoolean()).isTrue();
    assertThat(delivery.toString()).doesNotContain(secret);

    Visitor anonymous = new Visitor(key);
    assertThat(problem(anonymous.call("POST", "/conversations", "{}")))
        .isEqualTo("embed-token-required");

    Instant now = Instant.now();
    Visitor vouched =
        new Visitor(key).withToken(token(secret, key, now.plusSeconds(300), "customer-42"));
    String conversation = vouched.start();
    assertThat(vouched.visitorId).as("the identity is the visitor").startsWith("t_");
    assertThat(vouched.answer(conversation, "What time is check-out?").get("text").asText())
        .contains("11:00");
    Visitor sameCustomerElsewhere =
        new Visitor(key).withToken(token(secret, key, now.plusSeconds(300), "customer-42"));
    assertThat(
            sameCustomerElsewhere.call("GET", "/conversations/" + conversation, null).statusCode())
        .as("the same identity resumes on another device")
        .isEqualTo(200);
    Visitor otherCustomer =
        new Visitor(key).withToken(token(secret, key, now.plusSeconds(300), "customer-7"));
    assertThat(otherCustomer.call("GET", "/conversations/" + conversation, null).statusCode())
        .isEqualTo(404);

    assertThat(
            problem(
                new Visitor(key)
                    .withToken(token(secret, key, now.minus(Duration.ofMinutes(10)), "c"))
                    .call("POST", "/conversations", "{}")))
        .isEqualTo("embed-token-expired");
    String valid = token(secret, key, now.plusSeconds(300), "c");
    String tampered =
        valid.substring(0, valid.lastIndexOf('.') + 1)
            + "AAAA"
            + valid.substring(valid.lastIndexOf('.') + 5);
    assertThat(problem(new Visitor(key).withToken(tampered).call("POST", "/conversations", "{}")))
        .isEqualTo("embed-token-invalid");
    assertThat(
            problem(
                new Visitor(key)
                    .withToken(token(secret, publishedKey(other), now.plusSeconds(300), "c"))
                    .call("POST", "/conversations", "{}")))
        .isEqualTo("embed-token-wrong-capsule");
    assertThat(
            problem(
                new Visitor(publishedKey(other))
                    .withToken(token(secret, publishedKey(other), now.plusSeconds(300), "c"))
                    .call("POST", "/conversations", "{}")))
        .as("a token signed with another capsule's secret")
        .isEqualTo("embed-token-invalid");

    alice.expect(201, "POST", "/" + capsule + "/delivery/secret", null);
    assertThat(problem(vouched.call("GET", "/conversations/" + conversation, null)))
        .as("a new secret retires tokens of the old one")
        .isEqualTo("embed-token-invalid");
  }

  @Test
  void anotherTenantReachesNothingOfTheCapsule() {
    String capsule = AssistantFixture.capsule(alice, "Isolated " + System.nanoTime());
    String key = publishedKey(capsule);
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    String answer =
        visitor.answer(conversation, "What time is check-out?").get("messageId").asText();

    for (String path :
        new String[] {
          "/delivery",
          "/leads",
          "/conversations",
          "/conversations/" + conversation,
          "/share",
          "/share/qr",
          "/share/qr?format=svg&logo=true"
        }) {
      assertThat(grace.call("GET", "/" + capsule + path, null).statusCode())
          .as("GET %s by another tenant", path)
          .isEqualTo(404);
    }
    assertThat(
            grace
                .call(
                    "PUT", "/" + capsule + "/delivery", "{\"allowedOrigins\": [\"https://x.io\"]}")
                .statusCode())
        .isEqualTo(404);
    assertThat(grace.call("POST", "/" + capsule + "/delivery/secret", null).statusCode())
        .isEqualTo(404);
    assertThat(grace.call("GET", "/" + capsule + "/leads", null, "Accept", "text/csv").statusCode())
        .as("the leads' CSV")
        .isEqualTo(404);
    assertThat(alice.expect(200, "GET", "/" + capsule + "/delivery", null).get("allowedOrigins"))
        .isEmpty();
    JsonNode globexEvents =
        grace.expectAt(200, "GET", "/api/v1/events?kind=lead.captured&max=500", null);
    assertThat(globexEvents.toString()).doesNotContain(capsule);

    String globexCapsule = AssistantFixture.capsule(grace, "Globex " + System.nanoTime());
    String globexKey =
        grace.expect(200, "GET", "/" + globexCapsule + "/delivery", null).get("publicKey").asText();
    Visitor sameVisitorAtGlobex = new Visitor(globexKey);
    sameVisitorAtGlobex.visitorId = visitor.visitorId;
    assertThat(sameVisitorAtGlobex.call("GET", "/conversations/" + conversation, null).statusCode())
        .as("tenant A's conversation through tenant B's key")
        .isEqualTo(404);
    assertThat(sameVisitorAtGlobex.ask(conversation, "What time is check-out?").statusCode())
        .isEqualTo(404);
    assertThat(
            sameVisitorAtGlobex
                .call("POST", "/messages/" + answer + "/feedback", "{\"value\": -1}")
                .statusCode())
        .as("feedback on tenant A's answer through tenant B's key")
        .isEqualTo(404);
    assertThat(
            sameVisitorAtGlobex
                .lead(conversation, java.util.Map.of("email", "spy@example.com"), true)
                .statusCode())
        .as("a lead in tenant A's conversation through tenant B's key")
        .isEqualTo(404);
    assertThat(
            sameVisitorAtGlobex
                .call(
                    "POST",
                    "/events",
                    "{\"conversationId\": \""
                        + conversation
                        + "\", \"kind\": \"button-click\", \"detail\": \"Book\"}")
                .statusCode())
        .isEqualTo(404);

    String sibling = AssistantFixture.capsule(alice, "Sibling " + System.nanoTime());
    Visitor atSibling = new Visitor(publishedKey(sibling));
    atSibling.visitorId = visitor.visitorId;
    assertThat(atSibling.call("GET", "/conversations/" + conversation, null).statusCode())
        .as("another capsule of the same tenant")
        .isEqualTo(404);
  }

  @Test
  void sharingAndEventsRefuseBadInput() {
    String capsule = AssistantFixture.capsule(alice, "Share input " + System.nanoTime());
    for (String query : new String[] {"?size=20", "?size=5000", "?format=gif"}) {
      HttpResponse<String> refused = alice.call("GET", "/" + capsule + "/share/qr" + query, null);
      assertThat(refused.statusCode()).as("QR code %s", query).isEqualTo(400);
    }
    assertThat(alice.call("GET", "/" + capsule + "/share/qr?size=20", null).body())
        .contains("128 to 2048");
    HttpResponse<String> noKind = alice.callAt("GET", "/api/v1/events", null);
    assertThat(noKind.statusCode()).isEqualTo(400);
    assertThat(noKind.body()).contains("kind=lead.captured");
    assertThat(
            new CapsuleApi("vera.acme")
                .callAt("GET", "/api/v1/events?kind=lead.captured", null)
                .statusCode())
        .as("a member without a role")
        .isEqualTo(403);

    Visitor visitor = new Visitor(publishedKey(capsule));
    String conversation = visitor.start();
    for (String body :
        new String[] {
          "{\"conversationId\": \""
              + conversation
              + "\", \"kind\": \"page-view\", \"detail\": \"x\"}",
          "{\"conversationId\": \"" + conversation + "\", \"kind\": \"button-click\"}",
          "{\"conversationId\": \""
              + conversation
              + "\", \"kind\": \"button-click\", \"detail\": \""
              + "x".repeat(201)
              + "\"}",
          "{not json"
        }) {
      assertThat(visitor.call("POST", "/events", body).statusCode()).as(body).isEqualTo(400);
    }
    assertThat(
            visitor
                .lead(conversation, java.util.Map.of("email", "a@example.com"), true)
                .statusCode())
        .as("a capsule without a lead form takes no leads")
        .isEqualTo(409);
  }

  @Test
  void anUnpublishedCapsuleTakesNoConversations() {
    JsonNode draft =
        alice.expect(
            201,
            "POST",
            "",
            ItEnvironment.JSON
                .createObjectNode()
                .put("name", "Draft " + System.nanoTime())
                .toString());
    HttpResponse<String> refused =
        new Visitor(draft.get("publicKey").asText()).call("POST", "/conversations", "{}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(problem(refused)).isEqualTo("capsule-unavailable");
  }

  @Test
  void theSharePageIsRenderedWithEverythingEscapedAndAStrictContentSecurityPolicy() {
    String hostile = "<script>alert(1)</script> Loft \"quoted\"";
    String capsule = AssistantFixture.capsule(alice, hostile);
    String key = publishedKey(capsule);
    HttpResponse<String> page = ItEnvironment.get("/c/" + key);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.body())
        .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; Loft &quot;quoted&quot;</title>")
        .doesNotContain("<script>alert(1)")
        .contains("data-capsule=\"" + key + "\" data-mode=\"page\"");
    assertThat(ItEnvironment.get("/c/pk_aaaaaaaaaaaaaaaaaaaaaaaa").statusCode()).isEqualTo(404);
    assertThat(ItEnvironment.get("/c/no-such-capsule-here").statusCode()).isEqualTo(404);
    String url = alice.expect(200, "GET", "/" + capsule + "/share", null).get("url").asText();
    assertThat(url).as("the hostile name made readable").contains("/c/script-alert-1-script-loft");
    HttpResponse<String> bySlug = ItEnvironment.get(url.substring(url.indexOf("/c/")));
    assertThat(bySlug.statusCode()).isEqualTo(200);
    assertThat(bySlug.body()).contains("data-capsule=\"" + key + "\"");
    String twin = AssistantFixture.capsule(alice, hostile);
    assertThat(alice.expect(200, "GET", "/" + twin + "/share", null).get("url").asText())
        .as("a taken address gets a suffix")
        .isNotEqualTo(url)
        .matches(".*/c/script-alert-1-script-loft-quoted-[a-z0-9]+$");
    alice.expect(200, "POST", "/" + capsule + "/archive", null);
    assertThat(ItEnvironment.get("/c/" + key).statusCode()).isEqualTo(404);
  }

  private static String problem(HttpResponse<String> response) {
    String type = ItEnvironment.json(response.body()).get("type").asText();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  /** An embed token as a customer's backend mints it. */
  static String token(String secret, String audience, Instant expires, String subject)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .audience(audience)
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
