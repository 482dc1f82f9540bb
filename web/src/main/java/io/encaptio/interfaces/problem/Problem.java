package io.encaptio.interfaces.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem. {@code type} is a stable URI that clients may switch on; {@code detail} says
 * what to fix.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
  static final String TYPE_BASE = "https://encaptio.io/problems/";

  public static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, instance);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}
