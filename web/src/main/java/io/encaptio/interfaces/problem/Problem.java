package io.encaptio.interfaces.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem. {@code type} is a stable URI that clients may switch on; {@code detail} says
 * what to fix; {@code errors}, when present, says it per input field (absent from the JSON when
 * null).
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    Map<String, String> errors) {

  public Problem(String type, String title, int status, String detail, String instance) {
    this(type, title, status, detail, instance, null);
  }

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
  static final String TYPE_BASE = "https://encaptio.io/problems/";

  public static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, instance);
  }

  /** The same problem with what to fix per field. */
  public Problem withErrors(Map<String, String> fieldErrors) {
    return new Problem(type, title, status, detail, instance, Map.copyOf(fieldErrors));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}
