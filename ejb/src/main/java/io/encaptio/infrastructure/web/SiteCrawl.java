package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.WebFetcher.CrawlResult;
import io.encaptio.domain.content.WebFetcher.WebPage;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * One breadth-first crawl of a site: the start page, then the pages it links to on the same origin
 * (that of the start page's final address), level by level. Each address is read once, fragments
 * aside. Pages that fail count toward the page limit too, so that a site full of broken links
 * cannot keep a crawl going.
 */
final class SiteCrawl {

  private record Queued(URI url, int depth) {}

  private final Function<URI, WebPage> fetch;
  private final int maxDepth;
  private final int maxPages;
  private final Set<URI> seen = new HashSet<>();
  private final Queue<Queued> queue = new ArrayDeque<>();
  private final List<WebPage> pages = new ArrayList<>();
  private final Map<URI, String> failures = new LinkedHashMap<>();
  private Origin site;

  /**
   * @param fetch reads one page, redirects followed, or throws ContentRejectedException
   */
  SiteCrawl(Function<URI, WebPage> fetch, int maxDepth, int maxPages) {
    this.fetch = fetch;
    this.maxDepth = maxDepth;
    this.maxPages = maxPages;
  }

  /**
   * @throws ContentRejectedException when the start page cannot be read
   */
  CrawlResult from(URI start) {
    WebPage first = fetch.apply(start);
    site = Origin.of(first.url());
    seen.add(PageAddress.checked(start));
    seen.add(first.url());
    accept(first, 0);
    while (!queue.isEmpty() && pages.size() + failures.size() < maxPages) {
      Queued next = queue.remove();
      try {
        read(next);
      } catch (ContentRejectedException e) {
        failures.put(next.url(), e.getMessage());
      }
    }
    return new CrawlResult(List.copyOf(pages), Collections.unmodifiableMap(failures));
  }

  private void read(Queued next) {
    WebPage page = fetch.apply(next.url());
    if (!Origin.of(page.url()).equals(site)) {
      throw new ContentRejectedException(
          "The page redirects to " + page.url() + " on another site, which a crawl does not read.");
    }
    boolean redirected = !page.url().equals(next.url());
    if (redirected && !seen.add(page.url())) {
      return; // another address of a page already read or queued
    }
    accept(page, next.depth());
  }

  private void accept(WebPage page, int depth) {
    pages.add(page);
    if (depth == maxDepth) {
      return;
    }
    for (URI link : page.links()) {
      if (Origin.of(link).equals(site) && seen.add(link)) {
        queue.add(new Queued(link, depth + 1));
      }
    }
  }
}
