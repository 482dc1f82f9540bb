package io.encaptio.domain.content;

import java.util.List;

/** An in-process embedding model and its tokenizer. */
public interface Embeddings {

  /** Stored with every chunk, so a change of model can re-embed what an older one made. */
  String modelId();

  /** What editors see when they choose a model. */
  String label();

  int dimensions();

  /** The most tokens of one text the model reads; anything after it does not change the vector. */
  int maxTokens();

  int countTokens(String text);

  List<float[]> embed(List<String> texts);

  /**
   * A question, embedded to be compared with the chunks: with the instruction the model was trained
   * to see before queries, if it has one (BGE: "Represent this sentence for searching relevant
   * passages: ").
   */
  float[] embedQuery(String question);
}
