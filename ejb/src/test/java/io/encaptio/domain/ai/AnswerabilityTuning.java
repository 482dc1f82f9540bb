package io.encaptio.domain.ai;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the workbench the answer gate's thresholds were calibrated with. It replays the
 * passages AnswerabilityIT recorded (ear/target/answerability/answers.json, written by {@code
 * encaptio.sh eval}) through {@link ExtractiveAnswerer#decide} with the sentences embedded here by
 * the capsules' default model, and prints both rates per part and the train part's misses with what
 * the gate saw. Runs only when asked: {@code mvn -pl ejb test -Dtest=AnswerabilityTuning
 * -Danswerability.dump=../ear/target/answerability/answers.json}.
 */
class AnswerabilityTuning {

  private static final String PREFIX = "Represent this sentence for searching relevant passages: ";

  @Test
  void replay() throws IOException {
    String grid = System.getProperty("answerability.grid");
    if (grid == null) {
      run(true);
      return;
    }
    for (String paraphrase : grid.split(";")[0].split(",")) {
      for (String evidence : grid.split(";")[1].split(",")) {
        for (String speaks : grid.split(";")[2].split(",")) {
          for (String despite : grid.split(";")[3].split(",")) {
            gate =
                new ExtractiveAnswerer.Gate(
                    Double.parseDouble(paraphrase),
                    Double.parseDouble(evidence),
                    Double.parseDouble(speaks),
                    Double.parseDouble(despite));
            System.out.println(
                "P " + paraphrase + " E " + evidence + " S " + speaks + " A " + despite);
            run(false);
          }
        }
      }
    }
  }

  private static final Map<String, float[]> VECTORS = new HashMap<>();
  private static BgeSmallEnV15QuantizedEmbeddingModel model;
  private ExtractiveAnswerer.Gate gate = ExtractiveAnswerer.Gate.CALIBRATED;

  private void run(boolean verbose) throws IOException {
    String dump = System.getProperty("answerability.dump");
    Assumptions.assumeTrue(dump != null, "-Danswerability.dump names the recorded answers");
    JsonArray rows = read(Path.of(dump));
    JsonArray sheets =
        read(
            Path.of(dump)
                .getParent()
                .resolve("../../src/test/resources/answerability/questions.json"));
    Map<String, String> languages = new HashMap<>();
    for (JsonValue sheet : sheets) {
      languages.put(
          sheet.asJsonObject().getString("sheet"), sheet.asJsonObject().getString("language"));
    }
    if (model == null) {
      model = new BgeSmallEnV15QuantizedEmbeddingModel();
    }
    Map<String, float[]> vectors = VECTORS;
    Map<String, int[]> counts = new HashMap<>();
    List<String> misses = new ArrayList<>();
    for (JsonValue value : rows) {
      JsonObject row = value.asJsonObject();
      String question = row.getString("question");
      String sheet = row.getString("sheet");
      String split = row.getString("split");
      Words language = Words.in(languages.get(sheet));
      List<Passage> passages = new ArrayList<>();
      for (JsonValue p : row.getJsonObject("answer").getJsonArray("passages")) {
        JsonObject passage = p.asJsonObject();
        passages.add(
            new Passage(
                UUID.fromString(passage.getString("chunkId")),
                null,
                passage.getString("itemTitle", ""),
                passage.getString("text"),
                passage.getString("headingPath", ""),
                null,
                null,
                "bge"));
      }
      float[] q =
          vectors.computeIfAbsent(PREFIX + question, t -> model.embed(t).content().vector());
      SentenceMeaning meaning = meaning(q);
      ExtractiveAnswerer.Decision decision =
          ExtractiveAnswerer.decide(question, passages, 3, language, meaning, gate);
      String text = decision.answer().orElse("");
      if (!text.isEmpty()) {
        text = Grounding.check(text, passages, language).supported().text();
      }
      JsonValue expected = row.get("expected");
      boolean answerable = expected != null && expected.getValueType() == JsonValue.ValueType.ARRAY;
      boolean ok;
      if (answerable) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        boolean holds = false;
        for (JsonValue phrase : expected.asJsonArray()) {
          holds |=
              lower.contains(
                  ((jakarta.json.JsonString) phrase).getString().toLowerCase(Locale.ROOT));
        }
        ok = !text.isEmpty() && holds;
      } else {
        ok = text.isEmpty();
      }
      int[] c = counts.computeIfAbsent(split, s -> new int[4]);
      c[answerable ? 0 : 2] += ok ? 1 : 0;
      c[answerable ? 1 : 3]++;
      if (!ok && (split.equals("train") || Boolean.getBoolean("answerability.all"))) {
        ExtractiveAnswerer.Candidate b = decision.best();
        misses.add(
            String.format(
                    Locale.ROOT,
                    "%s | %s | %s | type %s | %s%n    best: cov %.2f rel %.3f sim %.3f met %s absent %s ev %.2f | %s",
                    answerable ? "ANSWERABLE" : "REFUSE",
                    sheet,
                    question,
                    decision.type(),
                    text.isEmpty() ? "(refused)" : text,
                    b == null ? 0 : b.coverage(),
                    b == null ? 0 : b.relative(),
                    b == null ? 0 : b.similarity(),
                    b != null && b.typeMet(),
                    b == null
                        ? "-"
                        : b.absent() + String.format(Locale.ROOT, " speaks %.3f", b.speaksTo()),
                    b == null ? 0 : b.evidence(),
                    b == null ? "-" : b.sentence())
                + decision.runnersUp().stream()
                    .map(
                        n ->
                            String.format(
                                Locale.ROOT,
                                "%n    next: cov %.2f rel %.3f met %s sc %.2f | %.90s",
                                n.coverage(),
                                n.relative(),
                                n.typeMet(),
                                n.score(),
                                n.sentence()))
                    .reduce("", String::concat));
      }
    }
    if (verbose) {
      misses.forEach(System.out::println);
    }
    counts.forEach(
        (split, c) ->
            System.out.printf(
                Locale.ROOT,
                "%s: answerable %d/%d (%.1f %%), unanswerable refused %d/%d (%.1f %%)%n",
                split,
                c[0],
                c[1],
                100.0 * c[0] / c[1],
                c[2],
                c[3],
                100.0 * c[2] / c[3]));
  }

  /** The sentences' closeness to the question vector {@code q}, sentences embedded once. */
  private static SentenceMeaning meaning(float[] q) {
    return new SentenceMeaning() {
      @Override
      public double[] similarities(Passage passage, List<String> sentences) {
        double[] cosines = new double[sentences.size()];
        for (int i = 0; i < cosines.length; i++) {
          float[] v =
              VECTORS.computeIfAbsent(
                  sentences.get(i), t -> model.embed(TextSegment.from(t)).content().vector());
          cosines[i] = Vectors.cosine(q, v);
        }
        return cosines;
      }

      @Override
      public SentenceMeaning of(String question) {
        return meaning(
            VECTORS.computeIfAbsent(PREFIX + question, t -> model.embed(t).content().vector()));
      }
    };
  }

  private static JsonArray read(Path file) throws IOException {
    try (FileReader reader =
        new FileReader(file.toFile(), java.nio.charset.StandardCharsets.UTF_8)) {
      return Json.createReader(reader).readArray();
    }
  }
}
