package io.encaptio.interfaces.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS errors (404, 405, 415, bad JSON...) as problem+json instead of an HTML page. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    return problem(exception, uriInfo.getRequestUri().getPath()).toResponse();
  }

  static Problem problem(WebApplicationException exception, String path) {
    int status = exception.getResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    String detail = status >= 500 ? type.title() : exception.getMessage();
    return new Problem(Problem.TYPE_BASE + type.slug(), type.title(), status, detail, path);
  }
}
