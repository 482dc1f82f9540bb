package io.encaptio.domain.ai;

import java.util.UUID;

/**
 * A chunk as answers cite it: its text and where it comes from (the item's title, the heading path,
 * the page or web address).
 */
public record Passage(
    UUID chunkId,
    UUID itemId,
    String itemTitle,
    String text,
    String headingPath,
    Integer page,
    String position,
    String model) {}
