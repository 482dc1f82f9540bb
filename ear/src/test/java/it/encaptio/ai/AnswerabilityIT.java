package it.encaptio.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answerability set (src/test/resources/answerability): fact sheets in several domains and
 * languages, each uploaded as a file into a capsule of its language, asked its answerable questions
 * and its on-topic questions the sheet does not answer, through the editors' API with the draft's
 * settings (never cached: the pipeline visitors meet, without its cache). An answerable question
 * counts when the answer is "answered", cites a passage and holds one of the expected phrases; an
 * unanswerable one when the outcome is "refused". The rates of the train part (sheets the gate was
 * tuned on) and of the held-out part are written to target/answerability/report.md with every miss,
 * the answers with their passages to answers.json. The held-out rates must reach the floors ({@code
 * -Danswerability.answered} and {@code -Danswerability.refused}, 0.65 and 0.80 by default, under
 * today's 74.3 and 86.7 %: the goal is 0.95, not met), and the train part must keep what
 * its tuning reached (0.90 and 0.95), so a change that loses answers or refusals fails. {@code
 * encaptio.sh eval} runs this alone.
 */
class AnswerabilityIT {

  private static final String NO_ANSWER = "The content does not say.";

  private final CapsuleApi editor = new CapsuleApi("eddie.acme");

  record Result(
      String split,
      String language,
      String sheet,
      String question,
      JsonNode expected,
      JsonNode answer,
      boolean ok) {}

  @Test
  void answersWhatTheContentAnswersAndRefusesTheRest() throws IOException {
    // Run alone by `encaptio.sh eval`, it may start before the demo tenants are registered.
    ItEnvironment.awaitDemoTenants();
    JsonNode sheets = ItEnvironment.JSON.readTree(resource("questions.json"));
    List<Result> results = new ArrayList<>();
    for (JsonNode sheet : sheets) {
      String capsule = capsule(sheet);
      for (JsonNode question : sheet.get("questions")) {
        JsonNode answer =
            AssistantFixture.ask(editor, capsule, question.get("q").asText(), null, true);
        results.add(
            new Result(
                sheet.get("split").asText(),
                sheet.get("language").asText(),
                sheet.get("sheet").asText(),
                question.get("q").asText(),
                question.get("answer"),
                answer,
                judged(question.get("answer"), answer)));
      }
    }
    Map<String, double[]> rates = report(results);
    assertThat(rates.get("train")[0])
        .as("train answerable questions answered (report: target/answerability/report.md)")
        .isGreaterThanOrEqualTo(0.90);
    assertThat(rates.get("train")[1])
        .as(
            "train on-topic unanswerable questions refused (report: target/answerability/report.md)")
        .isGreaterThanOrEqualTo(0.95);
    double[] heldOut = rates.get("heldout");
    assertThat(heldOut[0])
        .as("held-out answerable questions answered (report: target/answerability/report.md)")
        .isGreaterThanOrEqualTo(
            Double.parseDouble(System.getProperty("answerability.answered", "0.65")));
    assertThat(heldOut[1])
        .as(
            "held-out on-topic unanswerable questions refused (report: target/answerability/report.md)")
        .isGreaterThanOrEqualTo(
            Double.parseDouble(System.getProperty("answerability.refused", "0.80")));
  }

  /** A capsule of the sheet's language holding the sheet, uploaded as the file it is. */
  private String capsule(JsonNode sheet) throws IOException {
    JsonNode capsule =
        editor.expect(
            201,
            "POST",
            "",
            ItEnvironment.JSON
                .createObjectNode()
                .put(
                    "name",
                    "Answerability " + sheet.get("title").asText() + " " + System.nanoTime())
                .toString());
    String id = capsule.get("id").asText();
    ObjectNode settings = (ObjectNode) capsule.get("draft").deepCopy();
    settings.put("noAnswerText", NO_ANSWER).put("language", sheet.get("language").asText());
    editor.saveDraft(capsule, settings);
    String file = sheet.get("sheet").asText();
    JsonNode item = ItEnvironment.json(editor.upload(id, file, resource(file)).body());
    JsonNode settled = editor.settled(id, item.get("id").asText());
    assertThat(settled.get("stage").asText()).as(file + ": " + settled).isEqualTo("ready");
    return id;
  }

  static boolean judged(JsonNode expected, JsonNode answer) {
    String outcome = answer.get("outcome").asText();
    if (expected == null || expected.isNull()) {
      return "refused".equals(outcome);
    }
    String text = normalized(answer.get("text").asText());
    boolean holds = false;
    for (JsonNode phrase : expected) {
      holds |= text.contains(normalized(phrase.asText()));
    }
    return "answered".equals(outcome) && !answer.get("citations").isEmpty() && holds;
  }

  private static String normalized(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ').toLowerCase(Locale.ROOT);
  }

  /** Rates per split ({answered share, refused share}), written with every miss. */
  private static Map<String, double[]> report(List<Result> results) throws IOException {
    Path dir = Path.of("target", "answerability");
    Files.createDirectories(dir);
    ArrayNode dump = ItEnvironment.JSON.createArrayNode();
    StringBuilder misses = new StringBuilder();
    Map<String, int[]> counts = new java.util.TreeMap<>();
    for (Result r : results) {
      boolean answerable = r.expected() != null && !r.expected().isNull();
      for (String part : List.of(r.split(), r.split() + " (" + r.language() + ")")) {
        int[] c = counts.computeIfAbsent(part, s -> new int[4]);
        c[answerable ? 0 : 2] += r.ok() ? 1 : 0;
        c[answerable ? 1 : 3]++;
      }
      ObjectNode row = dump.addObject();
      row.put("split", r.split()).put("sheet", r.sheet()).put("question", r.question());
      row.set("expected", r.expected());
      row.put("ok", r.ok());
      row.set("answer", r.answer());
      if (!r.ok()) {
        misses.append(
            String.format(
                "| %s | %s | %s | %s | %s | %s |%n",
                r.split(),
                r.sheet(),
                r.question(),
                answerable
                    ? String.join(" / ", r.expected().findValuesAsText("")) + r.expected()
                    : "(refuse)",
                r.answer().get("outcome").asText(),
                r.answer().get("text").asText().replace('|', '/').replace('\n', ' ')));
      }
    }
    Map<String, double[]> rates = new LinkedHashMap<>();
    StringBuilder report = new StringBuilder("# Answerability\n\n");
    report.append(
        "| part | answerable answered | on-topic unanswerable refused |\n|---|---|---|\n");
    counts.forEach(
        (split, c) -> {
          rates.put(split, new double[] {(double) c[0] / c[1], (double) c[2] / c[3]});
          report.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d / %d (%.1f %%) | %d / %d (%.1f %%) |%n",
                  split,
                  c[0],
                  c[1],
                  100.0 * c[0] / c[1],
                  c[2],
                  c[3],
                  100.0 * c[2] / c[3]));
        });
    report.append("\n## Misses\n\n| part | sheet | question | expected | outcome | answer |\n");
    report.append("|---|---|---|---|---|---|\n").append(misses);
    Files.writeString(dir.resolve("report.md"), report);
    ItEnvironment.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(dir.resolve("answers.json").toFile(), dump);
    System.out.println(report);
    return rates;
  }

  private static byte[] resource(String name) {
    try (InputStream in = AnswerabilityIT.class.getResourceAsStream("/answerability/" + name)) {
      if (in == null) {
        throw new IllegalStateException("answerability/" + name + " is not on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
