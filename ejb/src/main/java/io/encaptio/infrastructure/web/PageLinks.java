package io.encaptio.infrastructure.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The links of an HTML page that a crawl could follow. */
final class PageLinks {

  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  private PageLinks() {}

  /**
   * Absolute http(s) targets of the page's {@code a[href]}, resolved against the page's final
   * address (or its {@code <base>}), without fragment, each once, in document order; none for
   * anything but HTML.
   *
   * @param charset from the Content-Type header, or null to let the page's BOM or meta tag tell
   */
  static List<URI> of(byte[] bytes, String mediaType, String charset, URI base) {
    if (!HTML.contains(mediaType)) {
      return List.of();
    }
    Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), supported(charset), base.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from memory does not fail
    }
    Set<URI> links = new LinkedHashSet<>();
    for (Element anchor : page.select("a[href]")) {
      URI link = parse(anchor.absUrl("href"));
      if (link != null) {
        links.add(link);
      }
    }
    return List.copyOf(links);
  }

  private static URI parse(String href) {
    if (href.isEmpty()) {
      return null;
    }
    try {
      URI link = new URI(href);
      String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || link.getHost() == null) {
        return null;
      }
      return PageAddress.normalized(link);
    } catch (URISyntaxException | RuntimeException e) {
      return null; // a link the page got wrong is one a crawl cannot follow
    }
  }

  private static String supported(String charset) {
    try {
      return charset != null && Charset.isSupported(charset) ? charset : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
