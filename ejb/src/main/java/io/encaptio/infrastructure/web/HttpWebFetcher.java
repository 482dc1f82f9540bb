package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.WebFetcher;
import io.encaptio.infrastructure.web.GuardedClient.Overflow;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads web pages over HTTP(S) for URL sources, as EncaptioBot. Each fetch has one deadline for the
 * page, its redirects and the robots.txt files they need; every redirect hop is checked as if it
 * had been given (scheme, robots.txt, and the address guard when connecting). robots.txt is read
 * once per site per fetch or crawl, so a rule change is seen by the next one.
 */
@ApplicationScoped
public class HttpWebFetcher implements WebFetcher {

  static final int MAX_REDIRECTS = 5;
  static final int MAX_DEPTH = 5;
  static final int MAX_PAGES = 1000;

  /** Google reads the first 500 KiB of a robots.txt; so do we. */
  static final long MAX_ROBOTS_BYTES = 512 * 1024;

  @Inject
  @ConfigProperty(name = "encaptio.fetch.allow-loopback", defaultValue = "false")
  boolean allowLoopback;

  @Inject
  @ConfigProperty(name = "encaptio.fetch.max.bytes", defaultValue = "5242880")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "encaptio.fetch.timeout.seconds", defaultValue = "10")
  int timeoutSeconds;

  private GuardedClient client;

  /** For CDI, which injects the configuration afterwards. */
  protected HttpWebFetcher() {}

  /**
   * @param allowLoopback whether this machine's own addresses may be fetched: only for tests
   * @param maxBytes the most one page may hold
   * @param timeoutSeconds the most one fetch may take, redirects included
   */
  public HttpWebFetcher(boolean allowLoopback, long maxBytes, int timeoutSeconds) {
    this.allowLoopback = allowLoopback;
    this.maxBytes = maxBytes;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Built on first use, as the configuration is only complete after injection. */
  private synchronized GuardedClient client() {
    if (client == null) {
      client = new GuardedClient(allowLoopback, timeoutSeconds);
    }
    return client;
  }

  @PreDestroy
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public WebPage fetch(URI url) {
    return fetch(url, new HashMap<>());
  }

  @Override
  public CrawlResult crawl(URI start, int depth, int maxPages) {
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new ContentRejectedException(
          "A crawl follows links 0 to " + MAX_DEPTH + " steps deep, not " + depth + ".");
    }
    if (maxPages < 1 || maxPages > MAX_PAGES) {
      throw new ContentRejectedException(
          "A crawl reads 1 to " + MAX_PAGES + " pages, not " + maxPages + ".");
    }
    Map<Origin, RobotsRules> robots = new HashMap<>();
    return new SiteCrawl(url -> fetch(url, robots), depth, maxPages).from(start);
  }

  private WebPage fetch(URI url, Map<Origin, RobotsRules> robots) {
    Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
    URI current = PageAddress.checked(url);
    for (int redirects = 0; ; redirects++) {
      robotsOf(current, robots, deadline).check(current);
      PageResponse response = client().get(current, maxBytes, Overflow.REFUSE, deadline);
      if (!response.isRedirect()) {
        return page(response);
      }
      if (redirects == MAX_REDIRECTS) {
        throw new ContentRejectedException(
            "The page redirects more than "
                + MAX_REDIRECTS
                + " times. Open it in a browser and give the address it ends at.");
      }
      current = PageAddress.checked(response.redirectTarget());
    }
  }

  private static WebPage page(PageResponse response) {
    if (!response.isSuccess()) {
      throw new ContentRejectedException(statusMessage(response.status(), response.reason()));
    }
    List<URI> links =
        PageLinks.of(response.body(), response.mediaType(), response.charset(), response.url());
    return new WebPage(response.url(), response.mediaType(), response.body(), links);
  }

  static String statusMessage(int status, String reason) {
    String answered = "The page answered " + status + " (" + reason + ")";
    if (status == 401 || status == 403) {
      return answered + ": it needs a login or is not public. Encaptio reads public pages only.";
    }
    if (status == 429) {
      return answered + ": the site asks to be read more slowly. Try again later.";
    }
    if (status >= 500) {
      return answered + ": the site failed on its side. Try again later.";
    }
    return answered + ". Check the address.";
  }

  /** The robots.txt rules of the page's site, read on first need within one fetch or crawl. */
  private RobotsRules robotsOf(URI page, Map<Origin, RobotsRules> robots, Instant deadline) {
    Origin origin = Origin.of(page);
    RobotsRules rules = robots.get(origin);
    if (rules == null) {
      rules = readRobots(origin, deadline);
      robots.put(origin, rules);
    }
    return rules;
  }

  /**
   * 2xx: its rules. 4xx, or more than 5 redirects: no rules, so all is allowed. 5xx: nothing is
   * allowed. Unreachable: nothing is, with the reason the pages would have failed for.
   */
  private RobotsRules readRobots(Origin origin, Instant deadline) {
    URI current = origin.robotsTxt();
    try {
      for (int redirects = 0; ; redirects++) {
        PageResponse response =
            client().get(current, MAX_ROBOTS_BYTES, Overflow.TRUNCATE, deadline);
        if (response.isSuccess()) {
          return RobotsRules.parse(current, response.body(), response.mediaType());
        }
        if (response.isRedirect() && redirects < MAX_REDIRECTS) {
          current = PageAddress.checked(response.redirectTarget());
        } else if (response.status() >= 500) {
          return RobotsRules.refusingAll(
              "The robots.txt of "
                  + origin.host()
                  + " could not be read (the site answered "
                  + response.status()
                  + "), so Encaptio does not read the site for now. Try again later.");
        } else {
          return RobotsRules.allowAll();
        }
      }
    } catch (ContentRejectedException unreachable) {
      return RobotsRules.refusingAll(unreachable.getMessage());
    }
  }
}
