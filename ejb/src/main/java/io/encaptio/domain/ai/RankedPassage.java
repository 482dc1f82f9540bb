package io.encaptio.domain.ai;

/** A passage where retrieval ranked it, with each stage's score. */
public record RankedPassage(Passage passage, FusedHit hit) {}
