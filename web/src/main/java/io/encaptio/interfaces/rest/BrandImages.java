package io.encaptio.interfaces.rest;

import io.encaptio.application.CapsuleService.AssetDto;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Brand images as responses: never changed once stored, so cached for good; never sniffed. */
public final class BrandImages {

  private BrandImages() {}

  public static Response response(AssetDto image) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(31_536_000);
    cache.setPrivate(false);
    return Response.ok(image.bytes(), image.mediaType())
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'")
        .build();
  }
}
