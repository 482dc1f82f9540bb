package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One HTTP answer, as {@link GuardedClient} got it. The body is read for 2xx answers only.
 *
 * @param url the address asked for
 * @param mediaType the Content-Type without parameters, lower case
 * @param charset the Content-Type's charset parameter, or null
 */
record PageResponse(
    URI url,
    int status,
    String reason,
    String location,
    String mediaType,
    String charset,
    byte[] body) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  boolean isRedirect() {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The redirect's Location, resolved against the address asked for. */
  URI redirectTarget() {
    if (location == null || location.isBlank()) {
      throw new ContentRejectedException(
          "The page answered "
              + status
              + " ("
              + reason
              + ") but did not say where it moved to. Open it in a browser and give the address"
              + " it ends at.");
    }
    try {
      return url.resolve(new URI(location.trim()));
    } catch (URISyntaxException e) {
      throw new ContentRejectedException(
          "The page redirects to " + location + ", which is not a valid web address.", e);
    }
  }
}
