package io.encaptio.domain.content;

/**
 * A chunk before it is embedded: its text, the headings above it and where it starts (page or
 * slide, and any finer position) for citations.
 */
public record ChunkDraft(
    int ordinal, String text, String headingPath, Integer page, String position) {

  /** What the model reads: the headings give a short passage its context. */
  public String embeddingInput() {
    return headingPath == null || headingPath.isEmpty() ? text : headingPath + "\n" + text;
  }
}
