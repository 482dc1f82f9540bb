package io.encaptio.domain.ai;

import java.util.List;

/**
 * How close each sentence of a passage is in meaning to the question being answered: the cosine of
 * their embeddings (the question's as retrieval embedded it, the sentences' by the model that made
 * the passage's chunk), so that "Who teaches the course?" finds "The instructor is Dana Whitfield".
 */
@FunctionalInterface
public interface SentenceMeaning {

  /** No meaning known: sentences are chosen by their words alone. */
  SentenceMeaning NONE = (passage, sentences) -> null;

  /**
   * @param sentences the passage's sentences, as {@link Sentences} splits its text
   * @return the cosine of each with the question, in their order, or null when unknown
   */
  double[] similarities(Passage passage, List<String> sentences);

  /**
   * The same closeness for another wording of the question (the question without some of its
   * words), or {@link #NONE} when only the question's own is known.
   */
  default SentenceMeaning of(String question) {
    return NONE;
  }
}
