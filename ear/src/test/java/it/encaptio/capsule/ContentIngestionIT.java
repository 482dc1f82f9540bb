package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files of every accepted format, written by their own libraries, uploaded through the API,
 * ingested by the job queue (Tika, chunking, embeddings into pgvector) and found again in their
 * chunks with where they came from; bad files fail on their own with a message to act on.
 */
class ContentIngestionIT {

  private static CapsuleApi alice;
  private static String capsule;

  @BeforeAll
  static void aCapsule() {
    ItEnvironment.awaitDemoTenants();
    alice = new CapsuleApi("alice.acme");
    capsule =
        alice
            .expect(201, "POST", "", "{\"name\": \"Ingestion " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText();
  }

  private static JsonNode ingest(String fileName, byte[] bytes) {
    HttpResponse<String> uploaded = alice.upload(capsule, fileName, bytes);
    assertThat(uploaded.statusCode()).as(fileName + ": " + uploaded.body()).isEqualTo(202);
    JsonNode item = ItEnvironment.json(uploaded.body());
    assertThat(item.get("stage").asText()).isEqualTo("queued");
    return alice.settled(capsule, item.get("id").asText());
  }

  private static List<JsonNode> chunks(JsonNode item) {
    List<JsonNode> chunks = new ArrayList<>();
    alice
        .expect(200, "GET", "/" + capsule + "/content/" + item.get("id").asText() + "/chunks", null)
        .forEach(chunks::add);
    return chunks;
  }

  private static JsonNode chunkWith(JsonNode item, String phrase) {
    return chunks(item).stream()
        .filter(c -> c.get("text").asText().contains(phrase))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chunk of " + item + " contains " + phrase));
  }

  private static void assertReady(JsonNode item) {
    assertThat(item.get("stage").asText()).as(item.toString()).isEqualTo("ready");
    assertThat(item.get("progress").asInt()).isEqualTo(100);
    assertThat(item.get("chunks").asInt()).isPositive();
  }

  @Test
  void pdfPagesAreKept() throws Exception {
    JsonNode pdf =
        ingest(
            "brochure.pdf",
            SampleFiles.pdf(
                "The loft has two bedrooms.", "Service charges are 310 euros a month."));

    assertReady(pdf);
    assertThat(pdf.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(chunkWith(pdf, "310 euros").get("page").asInt()).isEqualTo(2);
    assertThat(chunkWith(pdf, "two bedrooms").get("model").asText())
        .isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void wordHeadingsBecomeTheChunksSection() throws Exception {
    JsonNode docx =
        ingest(
            "guide.docx",
            SampleFiles.docx(
                "Getting started", "Invite your team from Settings.", "Plan", "Business"));

    assertReady(docx);
    assertThat(chunkWith(docx, "Invite your team").get("headingPath").asText())
        .isEqualTo("Getting started");
    assertThat(chunkWith(docx, "Business").get("text").asText()).contains("Plan | Business");
  }

  @Test
  void slidesSheetsCsvHtmlMarkdownTextAndSubtitles() throws Exception {
    JsonNode pptx = ingest("deck.pptx", SampleFiles.pptx("Range is 450 km", "Warranty is 8 years"));
    JsonNode xlsx =
        ingest(
            "prices.xlsx",
            SampleFiles.xlsx(new String[] {"Trim", "Price"}, new String[] {"Sport", "52000"}));
    JsonNode csv =
        ingest(
            "trims.csv", "Trim,Range\n\"Touring, long\",610 km\n".getBytes(StandardCharsets.UTF_8));
    JsonNode html =
        ingest(
            "page.html",
            ("<html><head><script>var secret = 'tracking-code-123';</script></head><body>"
                    + "<h1>Opening hours</h1><p>We open at nine.</p>"
                    + "<img src=x.png alt=\"Floor plan of the loft\"></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    JsonNode markdown =
        ingest(
            "faq.md",
            "# Delivery\n\n## Abroad\n\nWe ship to Norway in five days.\n"
                .getBytes(StandardCharsets.UTF_8));
    JsonNode text =
        ingest("notes.txt", "Parking is in the basement.".getBytes(StandardCharsets.UTF_8));
    JsonNode vtt =
        ingest(
            "talk.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWelcome to the tour.\n\n00:01:05.500 --> 00:01:09.000\nThe terrace faces south.\n"
                .getBytes(StandardCharsets.UTF_8));
    JsonNode srt =
        ingest(
            "talk.srt",
            "1\n00:00:02,000 --> 00:00:05,000\nThe kitchen was renewed in 2021.\n"
                .getBytes(StandardCharsets.UTF_8));

    for (JsonNode item : List.of(pptx, xlsx, csv, html, markdown, text, vtt, srt)) {
      assertReady(item);
    }
    assertThat(chunkWith(pptx, "Warranty is 8 years").get("page").asInt()).isEqualTo(2);
    assertThat(chunkWith(xlsx, "52000").get("text").asText()).contains("Sport");
    assertThat(chunkWith(csv, "610 km").get("text").asText())
        .contains("Trim: Touring, long; Range: 610 km");
    assertThat(chunkWith(html, "We open at nine").get("headingPath").asText())
        .isEqualTo("Opening hours");
    assertThat(chunkWith(html, "Floor plan").get("text").asText())
        .contains("Image: Floor plan of the loft");
    assertThat(chunks(html)).noneMatch(c -> c.get("text").asText().contains("tracking-code-123"));
    assertThat(chunkWith(markdown, "Norway").get("headingPath").asText())
        .isEqualTo("Delivery › Abroad");
    assertThat(chunkWith(text, "basement")).isNotNull();
    assertThat(chunkWith(vtt, "terrace faces south").get("position").asText())
        .isEqualTo("00:01:05.500");
    assertThat(chunkWith(srt, "renewed in 2021").get("position").asText())
        .isEqualTo("00:00:02.000");
  }

  @Test
  void pastedTextAndFaqPairsAreIndexedToo() {
    JsonNode faq =
        alice.expect(
            201,
            "POST",
            "/" + capsule + "/content",
            "{\"kind\": \"faq\", \"question\": \"Are pets allowed?\", \"answer\": \"Cats and small dogs are.\"}");

    JsonNode settled = alice.settled(capsule, faq.get("id").asText());

    assertReady(settled);
    assertThat(chunkWith(settled, "small dogs").get("headingPath").asText())
        .isEqualTo("Are pets allowed?");
  }

  @Test
  void imagesAreIndexedByTheirCaptionAndRefusedWithoutOne() throws Exception {
    byte[] png = SampleFiles.png();
    HttpResponse<String> uncaptioned = alice.upload(capsule, "floor-plan.png", png);
    assertThat(uncaptioned.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(uncaptioned.body()).at("/errors/caption").asText())
        .contains("caption or alt text");

    HttpResponse<String> uploaded =
        alice.upload(
            capsule, "floor-plan.png", png, "Floor plan: the master bedroom faces the harbour.");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    JsonNode image = alice.settled(capsule, ItEnvironment.json(uploaded.body()).get("id").asText());

    assertReady(image);
    assertThat(image.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(chunkWith(image, "faces the harbour").get("headingPath").asText())
        .isEqualTo("floor-plan.png");
  }

  @Test
  void badFilesFailAloneWithAMessageToActOn() throws Exception {
    JsonNode encrypted = ingest("locked.pdf", SampleFiles.encryptedPdf("Secret plans"));
    JsonNode corrupt =
        ingest("broken.pdf", "%PDF-1.7\n1 0 obj <<< garbage".getBytes(StandardCharsets.US_ASCII));
    JsonNode bomb = ingest("bomb.docx", SampleFiles.zipBombDocx());

    assertThat(encrypted.get("stage").asText()).isEqualTo("failed");
    assertThat(encrypted.get("error").asText()).contains("password-protected");
    assertThat(corrupt.get("stage").asText()).isEqualTo("failed");
    assertThat(corrupt.get("error").asText()).contains("could not be read", "save it again");
    assertThat(bomb.get("stage").asText()).isEqualTo("failed");
    assertThat(bomb.get("error").asText()).contains("decompression bomb");
    assertThat(chunks(encrypted)).isEmpty();

    JsonNode fine =
        ingest("fine.txt", "Still works after the bad ones.".getBytes(StandardCharsets.UTF_8));
    assertReady(fine);
  }

  @Test
  void emptyUnacceptedDuplicateAndOversizedFilesAreRefusedAtUpload() throws Exception {
    HttpResponse<String> empty = alice.upload(capsule, "empty.pdf", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("The file is empty");

    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    HttpResponse<String> program = alice.upload(capsule, "setup.exe", exe);
    assertThat(program.statusCode()).isEqualTo(400);
    assertThat(program.body()).contains("Files of type .exe", "are not accepted");

    HttpResponse<String> disguised = alice.upload(capsule, "report.pdf", exe);
    assertThat(disguised.statusCode()).as("the content decides, not the name").isEqualTo(400);

    byte[] once = "A file uploaded twice.".getBytes(StandardCharsets.UTF_8);
    assertThat(alice.upload(capsule, "once.txt", once).statusCode()).isEqualTo(202);
    HttpResponse<String> twice = alice.upload(capsule, "twice.txt", once);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("in the capsule already", "once.txt");

    HttpResponse<String> huge = alice.upload(capsule, "huge.txt", new byte[26 * 1024 * 1024]);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("files of up to 25");
  }

  @Test
  void anotherTenantCannotUploadToOrReadThisContent() throws Exception {
    JsonNode item =
        ingest("private.txt", "Acme's private price list.".getBytes(StandardCharsets.UTF_8));
    CapsuleApi globex = new CapsuleApi("grace.globex");
    String itemPath = "/" + capsule + "/content/" + item.get("id").asText();

    assertThat(
            globex
                .upload(capsule, "intrusion.txt", "x".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(404);
    assertThat(globex.call("GET", itemPath, null).statusCode()).isEqualTo(404);
    assertThat(globex.call("GET", itemPath + "/chunks", null).statusCode()).isEqualTo(404);
    assertThat(globex.call("GET", "/" + capsule + "/content", null).statusCode()).isEqualTo(404);
    assertThat(chunks(item)).hasSize(1);
    assertThat(
            alice.call("GET", "/" + capsule + "/content/" + UUID.randomUUID(), null).statusCode())
        .isEqualTo(404);
    assertThat(alice.call("GET", "/" + capsule + "/content/not-an-id/chunks", null).statusCode())
        .isEqualTo(404);
  }
}
