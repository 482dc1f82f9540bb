package io.encaptio.application.internal;

import io.encaptio.domain.content.ContentBlock;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.WebFetcher;
import io.encaptio.domain.content.WebFetcher.WebPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads a URL source: fetches its page (or crawls its site), hashes what was served so that a sync
 * can tell whether anything changed, and parses each page into blocks that start with a heading
 * naming the page and carry its address as their position, for citations.
 */
@ApplicationScoped
public class WebSources {

  private static final Logger LOG = Logger.getLogger(WebSources.class.getName());

  @Inject WebFetcher fetcher;
  @Inject ContentParser parser;

  /** What a fetch of a source served. */
  public record Fetched(List<WebPage> pages, String sha256, Map<URI, String> failures) {}

  /**
   * @throws ContentRejectedException when the (start) page cannot be read, saying why
   */
  public Fetched fetch(ContentItem source) {
    URI start = URI.create(source.sourceUrl());
    List<WebPage> pages;
    Map<URI, String> failures = new LinkedHashMap<>();
    if (source.crawlDepth() == 0) {
      pages = List.of(fetcher.fetch(start));
    } else {
      WebFetcher.CrawlResult crawl =
          fetcher.crawl(start, source.crawlDepth(), source.crawlMaxPages());
      pages = crawl.pages();
      failures.putAll(crawl.failures());
    }
    return new Fetched(pages, hash(pages), failures);
  }

  /**
   * The pages' blocks, page after page. A page of a type that is not accepted (an image, an
   * archive) is skipped in a crawl; a single page of such a type is refused.
   */
  public List<ContentBlock> blocks(Fetched fetched) {
    List<ContentBlock> blocks = new ArrayList<>();
    for (WebPage page : fetched.pages()) {
      String address = page.url().toString();
      try {
        String name = fileName(page.url());
        String mediaType = parser.acceptedMediaType(page.bytes(), name);
        List<ContentBlock> parsed = parser.parse(page.bytes(), name, mediaType);
        blocks.add(new ContentBlock(label(page.url()), 1, null, address));
        for (ContentBlock block : parsed) {
          blocks.add(new ContentBlock(block.text(), block.headingLevel(), null, address));
        }
      } catch (ContentRejectedException rejected) {
        if (fetched.pages().size() == 1) {
          throw new ContentRejectedException(address + ": " + rejected.getMessage());
        }
        fetched.failures().put(page.url(), rejected.getMessage());
        LOG.fine(() -> "Skipped " + address + ": " + rejected.getMessage());
      }
    }
    return blocks;
  }

  /** A name for the parser to judge the type by: the path's last segment, else index.html. */
  private static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.contains(".") ? last : "index.html";
  }

  private static String label(URI url) {
    String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
    return url.getHost() + path;
  }

  private static String hash(List<WebPage> pages) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      pages.stream()
          .sorted(Comparator.comparing(p -> p.url().toString()))
          .forEach(
              page -> {
                digest.update(page.url().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(page.bytes());
                digest.update((byte) 0);
              });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
