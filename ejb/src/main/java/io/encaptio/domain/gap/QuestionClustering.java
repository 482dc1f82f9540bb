package io.encaptio.domain.gap;

import io.encaptio.domain.ai.AnswerType;
import java.util.Set;

/**
 * When a visitor's question joins a cluster. Questions are compared by their embeddings with
 * all-MiniLM-L6-v2, whatever model the capsule's content uses: trained on paraphrases, it tells the
 * same question in other words from a different question on the same topic better than
 * bge-small-en-v1.5 (whose query form is made to find passages, not to compare questions). A
 * question joins the nearest cluster by cosine similarity to the sum of its questions' embeddings
 * when that reaches {@link #SAME_QUESTION}, unless the two ask for different kinds of answer (a
 * place and a time, a person and a number: "Where is the office?" / "When is the office open?").
 *
 * <p>Chosen on the train part of a development set of question pairs
 * (ejb/src/test/resources/gaps/question-pairs.tsv, QuestionClusteringTest), favouring questions
 * kept apart over questions joined: two different questions in one cluster hide one behind the
 * other's answer, while one question in two clusters only shows twice.
 */
public final class QuestionClustering {

  /** The embedding model questions are compared with. */
  public static final String MODEL = "all-minilm-l6-v2";

  public static final double SAME_QUESTION = 0.65;

  /** Kinds of answer that tell two questions apart; the others say too little. */
  private static final Set<AnswerType> TELLING =
      Set.of(
          AnswerType.TIME,
          AnswerType.MONEY,
          AnswerType.NUMBER,
          AnswerType.PERSON,
          AnswerType.PLACE);

  private QuestionClustering() {}

  public static boolean joins(double similarity, AnswerType cluster, AnswerType question) {
    return similarity >= SAME_QUESTION && compatible(cluster, question);
  }

  /** Two questions may be one unless each asks for a telling kind of answer and they differ. */
  public static boolean compatible(AnswerType a, AnswerType b) {
    return a == b || !TELLING.contains(a) || !TELLING.contains(b);
  }

  /** The kinds of answer a question of this kind may share a cluster with. */
  public static Set<AnswerType> compatibleWith(AnswerType type) {
    return TELLING.contains(type)
        ? Set.of(type, AnswerType.YES_NO, AnswerType.OTHER)
        : Set.of(AnswerType.values());
  }
}
