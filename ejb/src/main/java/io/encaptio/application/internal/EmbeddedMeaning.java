package io.encaptio.application.internal;

import io.encaptio.domain.ai.Passage;
import io.encaptio.domain.ai.SentenceMeaning;
import io.encaptio.domain.ai.SentenceVectors;
import io.encaptio.domain.ai.Vectors;
import io.encaptio.domain.content.EmbeddingModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences compared with a question by the model that made their passage's chunk, the question as
 * retrieval embedded it with that model. The sentences' vectors come from the chunk, stored at
 * ingestion; a chunk without them (indexed earlier, or split differently since) has its sentences
 * embedded here, once per answer however many wordings of the question they are compared with. A
 * wording other than the question's own ({@link #of}) costs one embedding per model.
 */
final class EmbeddedMeaning implements SentenceMeaning {

  private final EmbeddingModels models;
  private final Map<String, float[]> questions;
  private final Map<String, float[]> sentences;

  EmbeddedMeaning(EmbeddingModels models, Map<String, float[]> questions) {
    this(models, questions, new HashMap<>());
  }

  private EmbeddedMeaning(
      EmbeddingModels models, Map<String, float[]> questions, Map<String, float[]> sentences) {
    this.models = models;
    this.questions = questions;
    this.sentences = sentences;
  }

  @Override
  public double[] similarities(Passage passage, List<String> texts) {
    float[] question = questions.get(passage.model());
    if (question == null || !models.has(passage.model())) {
      return null;
    }
    float[][] stored =
        SentenceVectors.unpack(
            passage.sentenceVectors(), models.model(passage.model()).dimensions());
    if (stored != null && stored.length == texts.size()) {
      for (int i = 0; i < stored.length; i++) {
        sentences.putIfAbsent(passage.model() + '\n' + texts.get(i), stored[i]);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String text : texts) {
      if (!sentences.containsKey(passage.model() + '\n' + text)) {
        missing.add(text);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> vectors = models.model(passage.model()).embed(missing);
      for (int i = 0; i < missing.size(); i++) {
        sentences.put(passage.model() + '\n' + missing.get(i), vectors.get(i));
      }
    }
    double[] cosines = new double[texts.size()];
    for (int i = 0; i < cosines.length; i++) {
      cosines[i] = Vectors.cosine(question, sentences.get(passage.model() + '\n' + texts.get(i)));
    }
    return cosines;
  }

  @Override
  public SentenceMeaning of(String question) {
    Map<String, float[]> other = new LinkedHashMap<>();
    questions.keySet().forEach(model -> other.put(model, models.model(model).embedQuery(question)));
    return new EmbeddedMeaning(models, other, sentences);
  }
}
