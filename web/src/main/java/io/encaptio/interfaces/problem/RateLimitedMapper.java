package io.encaptio.interfaces.problem;

import io.encaptio.application.RateLimitedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A visitor over a limit: 429 {@code rate-limited}, with Retry-After in seconds. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimitedException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(RateLimitedException exception) {
    return Response.fromResponse(
            Problem.of(
                    ProblemType.RATE_LIMITED,
                    exception.getMessage(),
                    uriInfo.getRequestUri().getPath())
                .toResponse())
        .header("Retry-After", exception.retryAfterSeconds())
        .build();
  }
}
