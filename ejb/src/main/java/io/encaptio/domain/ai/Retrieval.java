package io.encaptio.domain.ai;

import java.util.List;
import java.util.Map;

/**
 * What retrieval found for a question, best first, with the models whose chunks it searched, the
 * question's embedding by each of them (empty for a keyword search) and the time of each stage in
 * milliseconds (embed, vector, keyword, fuse).
 */
public record Retrieval(
    List<RankedPassage> passages,
    List<String> models,
    Map<String, float[]> questionVectors,
    Map<String, Double> millis) {

  public boolean found() {
    return !passages.isEmpty();
  }
}
