package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The web addresses Encaptio reads: absolute http or https, with a host and no user name or
 * password, kept without fragment (the part after # never reaches the server and would make one
 * page look like several).
 */
final class PageAddress {

  private PageAddress() {}

  /**
   * The address normalised, ready to fetch.
   *
   * @throws ContentRejectedException naming what is wrong with it
   */
  static URI checked(URI url) {
    if (url == null || url.getScheme() == null) {
      throw new ContentRejectedException(
          "The address " + url + " is not a complete web address; start it with https://.");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ContentRejectedException(
          "Only web addresses starting with http:// or https:// can be read, not " + scheme + ":.");
    }
    if (url.getRawUserInfo() != null) {
      throw new ContentRejectedException(
          "Web addresses with a user name or password in them are not read; give the address of a"
              + " public page.");
    }
    if (url.getHost() == null) {
      throw new ContentRejectedException(
          "The address " + url + " is not a complete web address; check the host name.");
    }
    return normalized(url);
  }

  /** Without fragment, with "/" for an empty path and dot segments resolved. */
  static URI normalized(URI url) {
    String text = url.toString();
    int hash = text.indexOf('#');
    if (hash >= 0) {
      text = text.substring(0, hash);
    }
    try {
      URI plain = new URI(text);
      if (plain.getRawPath() == null || plain.getRawPath().isEmpty()) {
        plain = new URI(plain.getScheme() + "://" + plain.getRawAuthority() + "/" + query(plain));
      }
      return plain.normalize();
    } catch (URISyntaxException e) {
      throw new ContentRejectedException("The address " + url + " is not a valid web address.", e);
    }
  }

  private static String query(URI url) {
    return url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
  }
}
