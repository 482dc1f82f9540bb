package io.encaptio.interfaces.content.rest;

import java.util.List;

/** Request bodies of the content API. */
public final class ContentRequests {

  private ContentRequests() {}

  /**
   * A web address: {@code depth} 0 (default) for the page alone, up to 3 for its site; {@code
   * maxPages} for a crawl (default 20); {@code syncHours} to fetch it again that often.
   */
  public record NewUrl(String url, Integer depth, Integer maxPages, Integer syncHours) {}

  /** An item's labels: tags (replacing the earlier ones) and language (ISO 639-1, or none). */
  public record Labels(List<String> tags, String language) {}

  /** Pasted text ({@code kind} "text": title, text) or an FAQ pair ("faq": question, answer). */
  public record NewContent(
      String kind, String title, String text, String question, String answer) {}
}
