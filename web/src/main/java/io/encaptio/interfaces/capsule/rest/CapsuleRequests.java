package io.encaptio.interfaces.capsule.rest;

import io.encaptio.domain.capsule.CapsuleSettings;

/** Request bodies of the capsule API. */
public final class CapsuleRequests {

  private CapsuleRequests() {}

  /** A new capsule: its name and, optionally, the key of a template to start from. */
  public record NewCapsule(String name, String template) {}

  /** The whole draft as the editor left it. */
  public record Draft(String name, CapsuleSettings settings) {}

  /** The version to publish again. */
  public record RollBack(Integer version) {}

  /**
   * A web address: {@code depth} 0 (default) for the page alone, up to 3 for its site; {@code
   * maxPages} for a crawl (default 20); {@code syncHours} to fetch it again that often.
   */
  public record NewUrl(String url, Integer depth, Integer maxPages, Integer syncHours) {}

  /** An item's labels: tags (replacing the earlier ones) and language (ISO 639-1, or none). */
  public record Labels(java.util.List<String> tags, String language) {}

  /** Indexing settings to change; those left out stay as they are. */
  public record Indexing(String model, Integer chunkTokens, Integer overlapTokens) {}

  /** Pasted text ({@code kind} "text": title, text) or an FAQ pair ("faq": question, answer). */
  public record NewContent(
      String kind, String title, String text, String question, String answer) {}
}
