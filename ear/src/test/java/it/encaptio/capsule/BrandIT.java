package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A capsule's brand and lead form through the API: the logo goes into the draft, visitors get the
 * published brand (colour with a readable text colour, font, theme, launcher), its images and the
 * lead form only once published; unreadable colours, SVGs and unknown kinds are refused; another
 * tenant neither uploads to the capsule nor reaches its images through its own public key.
 */
class BrandIT {

  @Test
  void visitorsGetThePublishedBrandLogoAndLeadForm() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    JsonNode capsule =
        alice.publishedCapsule("Brand " + UUID.randomUUID(), "real-estate", "A loft by the sea.");
    String id = capsule.get("id").asText();
    String key = capsule.get("publicKey").asText();

    HttpResponse<String> logo = alice.uploadBrandImage(id, "logo", "logo.png", SampleFiles.png());
    assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
    String logoId = ItEnvironment.json(logo.body()).at("/draft/brand/logo").asText();
    assertThat(logoId).isNotBlank();
    assertThat(asset(key, logoId).statusCode()).as("not published yet").isEqualTo(404);

    JsonNode draft = alice.expect(200, "GET", "/" + id, null);
    ObjectNode settings = (ObjectNode) draft.get("draft").deepCopy();
    ObjectNode brand = (ObjectNode) settings.get("brand");
    brand.put("primaryColor", "#777777");
    alice.saveDraft(draft, settings);
    HttpResponse<String> unreadable = alice.call("POST", "/" + id + "/publish", null);
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(unreadable.body()).at("/errors/brand.primaryColor").asText())
        .contains("4.5:1");

    brand
        .put("primaryColor", "#0B5A3C")
        .put("theme", "dark")
        .put("launcherPosition", "bottom-left");
    settings
        .putObject("leadForm")
        .put("enabled", true)
        .put("title", "Book a viewing")
        .put("consent", "I agree to be called back.")
        .<ObjectNode>set("fields", ItEnvironment.JSON.valueToTree(new String[] {"name", "phone"}))
        .set("required", ItEnvironment.JSON.valueToTree(new String[] {"phone"}));
    alice.saveDraft(draft, settings);
    alice.expect(200, "POST", "/" + id + "/publish", null);

    JsonNode visible = ItEnvironment.json(CapsuleApi.visit(key).body());
    assertThat(visible.at("/brand/primaryColor").asText()).isEqualTo("#0b5a3c");
    assertThat(visible.at("/brand/textOnPrimary").asText()).isEqualTo("#ffffff");
    assertThat(visible.at("/brand/theme").asText()).isEqualTo("dark");
    assertThat(visible.at("/brand/launcherPosition").asText()).isEqualTo("bottom-left");
    assertThat(visible.at("/brand/logo").asText()).isEqualTo(logoId);
    assertThat(visible.at("/leadForm/title").asText()).isEqualTo("Book a viewing");
    assertThat(visible.at("/leadForm/required/0").asText()).isEqualTo("phone");

    HttpResponse<byte[]> image = asset(key, logoId);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
    assertThat(image.body()).isEqualTo(SampleFiles.png());
  }

  @Test
  void onlyImagesOfTheRightKindAndSizeAreTaken() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String id =
        alice
            .expect(201, "POST", "", "{\"name\": \"Brand " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText();
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> scripted = alice.uploadBrandImage(id, "logo", "logo.svg", svg);
    assertThat(scripted.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(scripted.body()).at("/errors/logo").asText()).contains("not SVG");
    HttpResponse<String> banner = alice.uploadBrandImage(id, "banner", "b.png", SampleFiles.png());
    assertThat(banner.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(banner.body()).get("errors").has("kind")).isTrue();
    HttpResponse<String> huge =
        alice.uploadBrandImage(id, "avatar", "big.png", new byte[2 * 1024 * 1024]);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("up to 1 MB");
  }

  @Test
  void anotherTenantCannotUploadOrReachTheImages() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    JsonNode capsule =
        alice.publishedCapsule("Brand " + UUID.randomUUID(), "blank", "Acme's own text.");
    String id = capsule.get("id").asText();
    String logoId =
        ItEnvironment.json(alice.uploadBrandImage(id, "logo", "logo.png", SampleFiles.png()).body())
            .at("/draft/brand/logo")
            .asText();
    alice.expect(200, "POST", "/" + id + "/publish", null);
    assertThat(asset(capsule.get("publicKey").asText(), logoId).statusCode()).isEqualTo(200);

    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(grace.uploadBrandImage(id, "logo", "x.png", SampleFiles.png()).statusCode())
        .isEqualTo(404);
    assertThat(grace.call("GET", "/" + id + "/assets/" + logoId, null).statusCode()).isEqualTo(404);
    String globexKey =
        grace
            .publishedCapsule("Globex " + UUID.randomUUID(), "blank", "Globex text.")
            .get("publicKey")
            .asText();
    assertThat(asset(globexKey, logoId).statusCode()).isEqualTo(404);
    assertThat(asset(capsule.get("publicKey").asText(), "not-an-id").statusCode())
        .as("a malformed image id")
        .isEqualTo(404);
  }

  private static HttpResponse<byte[]> asset(String key, String assetId) throws Exception {
    return ItEnvironment.HTTP.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    ItEnvironment.baseUrl()
                        + "/api/public/v1/capsules/"
                        + key
                        + "/assets/"
                        + assetId))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
