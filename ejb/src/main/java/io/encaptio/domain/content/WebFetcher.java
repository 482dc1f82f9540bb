package io.encaptio.domain.content;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Fetches web pages for URL sources. Refuses what must not be fetched (addresses on private or
 * local networks, which would let a tenant reach our own infrastructure) and what a site does not
 * allow (robots.txt).
 */
public interface WebFetcher {

  /**
   * One page, following at most 5 redirects, each hop checked again.
   *
   * @throws ContentRejectedException with a message a person can act on
   */
  WebPage fetch(URI url);

  /**
   * The pages of a site, breadth-first from {@code start}: same origin only (scheme, host, port),
   * to {@code depth} links away (0 = the start page only), at most {@code maxPages} pages, obeying
   * robots.txt.
   *
   * @return the pages read, and the later pages that failed (url to message), which are not fatal
   * @throws ContentRejectedException when the start page fails, or depth or maxPages is out of
   *     range
   */
  CrawlResult crawl(URI start, int depth, int maxPages);

  /**
   * A page as it was read.
   *
   * @param url the final address, after redirects
   * @param mediaType from the Content-Type header, without parameters
   * @param links absolute http(s) links of an HTML page, without fragment, de-duplicated, in
   *     document order; empty for anything else
   */
  record WebPage(URI url, String mediaType, byte[] bytes, List<URI> links) {}

  /**
   * What a crawl read.
   *
   * @param failures pages after the start page that could not be read, with the reason
   */
  record CrawlResult(List<WebPage> pages, Map<URI, String> failures) {}
}
