package io.encaptio.application;

import java.io.Serializable;
import java.util.UUID;

/**
 * A numbered source of an answer ("[n]" in its text): the content item, the place in it (heading
 * path, page, or the web address a page came from) and the words the answer rests on.
 */
public record CitationDto(
    int number,
    UUID chunkId,
    UUID itemId,
    String itemTitle,
    String headingPath,
    Integer page,
    String position,
    String snippet)
    implements Serializable {}
