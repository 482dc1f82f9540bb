package io.encaptio.infrastructure.web;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port of a web address: what "the same site" means for a crawl and robots.txt.
 */
record Origin(String scheme, String host, int port) {

  /** Of a checked http(s) address; a missing port is the scheme's default. */
  static Origin of(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
  }

  URI robotsTxt() {
    return URI.create(scheme + "://" + host + ":" + port + "/robots.txt");
  }
}
