package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a capsule finds passages: how many candidates each stage brings, how they are fused and how
 * many passages an answer reads. Applies at once (not versioned): like the index, it is how the
 * content is searched, not what the assistant says.
 *
 * @param vectorCandidates chunks the vector stage returns
 * @param keywordCandidates chunks the BM25 stage returns
 * @param postingsPerTerm highest-impact postings read per query word (bounds the keyword stage's
 *     work however common the word)
 * @param searchWidth HNSW candidate list (pgvector's ef_search); at least {@code vectorCandidates}
 * @param fusion {@code weighted} (min-max normalised scores, {@code vectorWeight} for the vector
 *     stage) or {@code rrf} (reciprocal rank fusion with constant {@code rrfK})
 * @param passages passages an answer is composed from
 */
public record RetrievalSettings(
    int vectorCandidates,
    int keywordCandidates,
    int postingsPerTerm,
    int searchWidth,
    String fusion,
    double vectorWeight,
    int rrfK,
    int passages)
    implements Serializable {

  public static final String WEIGHTED = "weighted";
  public static final String RRF = "rrf";

  /**
   * Tuned on SciFact's train claims (liberty-config/bench-retrieval-results.md): weighted fusion
   * with vector weight 0.6 (best of the weights and RRF), and 200 postings per query word (the
   * fewest within 0.003 nDCG@10 of reading 1,000; the keyword stage's p95 at 100,000 chunks fell
   * from 13 to 4 ms).
   */
  public static final RetrievalSettings DEFAULT =
      new RetrievalSettings(100, 100, 200, 100, WEIGHTED, 0.6, 60, 6);

  /**
   * @throws InvalidCapsuleException naming each field to fix
   */
  public RetrievalSettings checked() {
    Map<String, String> problems = new LinkedHashMap<>();
    range(problems, "vectorCandidates", vectorCandidates, 1, 1000);
    range(problems, "keywordCandidates", keywordCandidates, 1, 1000);
    range(problems, "postingsPerTerm", postingsPerTerm, 10, 100_000);
    range(problems, "searchWidth", searchWidth, Math.min(vectorCandidates, 1000), 1000);
    range(problems, "rrfK", rrfK, 1, 1000);
    range(problems, "passages", passages, 1, 20);
    if (!WEIGHTED.equals(fusion) && !RRF.equals(fusion)) {
      problems.put("fusion", "Choose \"weighted\" or \"rrf\".");
    }
    if (!(vectorWeight >= 0 && vectorWeight <= 1)) {
      problems.put("vectorWeight", "Choose a weight from 0 (keywords only) to 1 (vectors only).");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    return this;
  }

  private static void range(
      Map<String, String> problems, String field, int value, int min, int max) {
    if (value < min || value > max) {
      problems.put(field, "Choose a number from " + min + " to " + max + ".");
    }
  }
}
