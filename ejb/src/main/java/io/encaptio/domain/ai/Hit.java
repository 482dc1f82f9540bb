package io.encaptio.domain.ai;

import java.util.UUID;

/** A chunk found by one retrieval stage, with that stage's score (higher is better). */
public record Hit(UUID chunkId, double score) {}
