package io.encaptio.domain.ai;

import java.util.UUID;

/**
 * A chunk after fusion, with what each stage made of it (null: that stage did not find it) so the
 * playground can show why it ranks where it does.
 *
 * @param vectorRank 1-based rank in the vector stage, or null
 * @param keywordRank 1-based rank in the keyword stage, or null
 */
public record FusedHit(
    UUID chunkId,
    Double vectorScore,
    Integer vectorRank,
    Double keywordScore,
    Integer keywordRank,
    double fusedScore) {}
