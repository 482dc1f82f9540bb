package io.encaptio.domain.content;

import java.io.Serializable;

/** A chunk as stored: its text, where it came from, and the model that embedded it. */
public record StoredChunk(
    int ordinal, String text, String headingPath, Integer page, String position, String model)
    implements Serializable {}
