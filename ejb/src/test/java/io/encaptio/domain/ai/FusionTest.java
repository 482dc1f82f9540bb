package io.encaptio.domain.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.encaptio.domain.capsule.RetrievalSettings;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FusionTest {

  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();
  private final UUID c = UUID.randomUUID();

  private final List<Hit> vector = List.of(new Hit(a, 0.80), new Hit(b, 0.78), new Hit(c, 0.50));
  private final List<Hit> keyword = List.of(new Hit(b, 9.0), new Hit(c, 2.0));

  @Test
  void weightedFusionRanksAChunkBothStagesFoundAboveOneOnlyTheVectorsFound() {
    List<FusedHit> fused =
        Fusion.fuse(vector, keyword, SearchMode.HYBRID, RetrievalSettings.DEFAULT);
    assertEquals(List.of(b, a, c), fused.stream().map(FusedHit::chunkId).toList());
    FusedHit first = fused.get(0);
    assertEquals(2, first.vectorRank());
    assertEquals(1, first.keywordRank());
    assertEquals(0.6 * (0.78 - 0.5) / 0.3 + 0.4, first.fusedScore(), 1e-9);
    assertNull(fused.get(1).keywordScore(), "the keyword stage did not find a");
  }

  @Test
  void reciprocalRankFusionAddsOneOverKPlusRank() {
    RetrievalSettings rrf =
        new RetrievalSettings(100, 100, 1000, 100, RetrievalSettings.RRF, 0.5, 60, 6);
    List<FusedHit> fused = Fusion.fuse(vector, keyword, SearchMode.HYBRID, rrf);
    assertEquals(b, fused.get(0).chunkId());
    assertEquals(1.0 / 62 + 1.0 / 61, fused.get(0).fusedScore(), 1e-12);
  }

  @Test
  void aSingleModeKeepsItsStagesOrderAndScores() {
    List<FusedHit> fused =
        Fusion.fuse(List.of(), keyword, SearchMode.KEYWORD, RetrievalSettings.DEFAULT);
    assertEquals(List.of(b, c), fused.stream().map(FusedHit::chunkId).toList());
    assertEquals(9.0, fused.get(0).fusedScore());
  }

  @Test
  void weightOneIsVectorsOnlyAndWeightZeroKeywordsOnly() {
    RetrievalSettings vectorsOnly =
        new RetrievalSettings(100, 100, 1000, 100, RetrievalSettings.WEIGHTED, 1.0, 60, 6);
    assertEquals(a, Fusion.fuse(vector, keyword, SearchMode.HYBRID, vectorsOnly).get(0).chunkId());
    RetrievalSettings keywordsOnly =
        new RetrievalSettings(100, 100, 1000, 100, RetrievalSettings.WEIGHTED, 0.0, 60, 6);
    assertEquals(b, Fusion.fuse(vector, keyword, SearchMode.HYBRID, keywordsOnly).get(0).chunkId());
  }
}
