package io.encaptio.infrastructure.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.domain.ai.AnswerType;
import io.encaptio.domain.ai.Vectors;
import io.encaptio.domain.content.Embeddings;
import io.encaptio.domain.gap.QuestionClustering;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge-gap loop's clustering rule ({@link QuestionClustering}) with the model it uses, on
 * the development set of question pairs: the share of pairs asking one thing in other words that
 * are joined, and of pairs asking two things about one topic that are kept apart, on the train part
 * (where the threshold was chosen) and the held-out part (README). Then questions arriving one by
 * one, as the repository clusters them.
 */
class QuestionClusteringTest {

  private static OnnxEmbeddingModels models;

  /** A labelled pair of questions of the development set. */
  record Pair(String part, boolean same, String a, String b) {}

  @BeforeAll
  static void load() {
    models = OnnxEmbeddingModels.standalone();
  }

  @AfterAll
  static void stop() {
    models.stop();
  }

  @Test
  void theSameQuestionInOtherWordsJoinsADifferentOneRarelyDoes() throws IOException {
    Embeddings model = models.model(QuestionClustering.MODEL);
    double[] train = rates(model, "train");
    double[] heldOut = rates(model, "heldout");
    System.out.printf(
        "Question pairs at %.2f: train same joined %.1f %%, different kept apart %.1f %%;"
            + " held out %.1f %% / %.1f %%%n",
        QuestionClustering.SAME_QUESTION,
        100 * train[0],
        100 * train[1],
        100 * heldOut[0],
        100 * heldOut[1]);
    assertThat(train[1]).as("train: different kept apart").isGreaterThanOrEqualTo(0.9);
    assertThat(train[0]).as("train: same joined").isGreaterThanOrEqualTo(0.55);
    assertThat(heldOut[1]).as("held out: different kept apart").isGreaterThanOrEqualTo(0.85);
    assertThat(heldOut[0]).as("held out: same joined").isGreaterThanOrEqualTo(0.7);
  }

  /** The repository's rule in memory: nearest sum of embeddings, joined when it may. */
  @Test
  void questionsArrivingOneByOneFormThePersonsGroups() {
    Embeddings model = models.model(QuestionClustering.MODEL);
    List<String> asked =
        List.of(
            "Can I bring my dog?",
            "Is there parking?",
            "Are dogs allowed?",
            "Where can I park my car?",
            "When is the office open?",
            "May I bring my dog along?",
            "Where is the office?",
            "What are the office's opening hours?");
    List<float[]> sums = new ArrayList<>();
    List<AnswerType> types = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    for (String question : asked) {
      float[] vector = model.embed(List.of(question)).get(0);
      AnswerType type = AnswerType.of(question);
      int nearest = -1;
      double best = -1;
      for (int i = 0; i < sums.size(); i++) {
        double similarity = Vectors.cosine(sums.get(i), vector);
        if (similarity > best && QuestionClustering.compatible(types.get(i), type)) {
          best = similarity;
          nearest = i;
        }
      }
      if (nearest >= 0 && QuestionClustering.joins(best, types.get(nearest), type)) {
        float[] sum = sums.get(nearest);
        for (int d = 0; d < sum.length; d++) {
          sum[d] += vector[d];
        }
        groups.get(nearest).add(question);
      } else {
        sums.add(vector.clone());
        types.add(type);
        groups.add(new ArrayList<>(List.of(question)));
      }
    }
    assertThat(groups)
        .containsExactly(
            List.of("Can I bring my dog?", "Are dogs allowed?", "May I bring my dog along?"),
            List.of("Is there parking?", "Where can I park my car?"),
            List.of("When is the office open?", "What are the office's opening hours?"),
            List.of("Where is the office?"));
  }

  /** Same pairs joined and different pairs kept apart, as shares, in a part of the set. */
  private static double[] rates(Embeddings model, String part) throws IOException {
    int same = 0;
    int joined = 0;
    int different = 0;
    int apart = 0;
    for (Pair pair : pairs()) {
      if (!pair.part().equals(part)) {
        continue;
      }
      List<float[]> vectors = model.embed(List.of(pair.a(), pair.b()));
      double similarity = Vectors.cosine(vectors.get(0), vectors.get(1));
      boolean joins =
          QuestionClustering.joins(similarity, AnswerType.of(pair.a()), AnswerType.of(pair.b()));
      System.out.printf(
          "  %s %s %.3f %s %s / %s%n",
          part,
          pair.same() ? "same" : "diff",
          similarity,
          joins ? "joined" : "apart",
          pair.a(),
          pair.b());
      if (pair.same()) {
        same++;
        joined += joins ? 1 : 0;
      } else {
        different++;
        apart += joins ? 0 : 1;
      }
    }
    return new double[] {(double) joined / same, (double) apart / different};
  }

  static List<Pair> pairs() throws IOException {
    try (InputStream in =
        QuestionClusteringTest.class.getResourceAsStream("/gaps/question-pairs.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .map(f -> new Pair(f[0], f[1].equals("same"), f[2], f[3]))
          .toList();
    }
  }
}
