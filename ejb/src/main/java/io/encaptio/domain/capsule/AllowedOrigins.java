package io.encaptio.domain.capsule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web origins whose pages may use a capsule (its widget and public API): {@code
 * https://shop.example}, {@code http://localhost:3000}, or every subdomain of a site with {@code
 * https://*.example.com}. An origin is a scheme, a host and a port; a path, a query or a user is
 * not part of one and is refused, so a typo is seen when it is saved, not when visitors are turned
 * away.
 */
public final class AllowedOrigins {

  public static final int MAX = 50;
  private static final Pattern HOST =
      Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private AllowedOrigins() {}

  /**
   * The origins in normal form (lower case, no default port, no trailing slash, each once).
   *
   * @throws InvalidCapsuleException naming each entry that is not an origin, and why
   */
  public static List<String> checked(List<String> origins) {
    if (origins == null) {
      return List.of();
    }
    Set<String> normal = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (String origin : origins) {
      if (origin == null || origin.isBlank()) {
        continue;
      }
      try {
        normal.add(normal(origin.strip()));
      } catch (IllegalArgumentException e) {
        problems.add("\"" + origin.strip() + "\": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(Map.of("allowedOrigins", String.join(" ", problems)));
    }
    if (normal.size() > MAX) {
      throw new InvalidCapsuleException(
          Map.of(
              "allowedOrigins", "At most " + MAX + " origins; use *.example.com for subdomains."));
    }
    return List.copyOf(normal);
  }

  /** Whether a page of {@code origin} (a browser's Origin header) may use a capsule. */
  public static boolean allows(List<String> allowed, String origin) {
    String page;
    try {
      page = normal(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (page.contains("*")) {
      return false;
    }
    for (String entry : allowed) {
      if (entry.equals(page) || matchesWildcard(entry, page)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesWildcard(String entry, String page) {
    int star = entry.indexOf("://*.");
    if (star < 0) {
      return false;
    }
    String scheme = entry.substring(0, star + 3);
    String suffix = entry.substring(star + 4); // ".example.com[:port]"
    return page.startsWith(scheme)
        && page.endsWith(suffix)
        && page.length() > scheme.length() + suffix.length()
        && !page.substring(scheme.length(), page.length() - suffix.length()).contains(":");
  }

  static String normal(String origin) {
    String text = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    String wildcard = text.replace("://*.", "://wildcard-subdomain.");
    URI uri;
    try {
      uri = new URI(wildcard);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an address; write it as https://www.example.com.");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("an origin starts with https:// (or http://).");
    }
    if (uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
      throw new IllegalArgumentException(
          "an origin has no path, query or user; keep only the scheme, host and port.");
    }
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    if (host == null) {
      throw new IllegalArgumentException("no host name; write it as https://www.example.com.");
    }
    host = host.replace("wildcard-subdomain.", "*.");
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("\"" + host + "\" is not a host name.");
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
