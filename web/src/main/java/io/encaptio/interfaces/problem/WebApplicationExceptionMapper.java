package io.encaptio.interfaces.problem;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JAX-RS errors (404, 405, 415, bad JSON...) as problem+json instead of an HTML page; a query
 * parameter that cannot be read is a 400 naming it, not the runtime's 404.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    return problem(exception, uriInfo.getRequestUri().getPath()).toResponse();
  }

  /** How the JAX-RS runtime (RESTEasy) says a query parameter could not be converted. */
  private static final Pattern UNREADABLE_QUERY_PARAM =
      Pattern.compile("QueryParam\\(\"([^\"]+)\"\\) value is '(.*)'$", Pattern.DOTALL);

  static Problem problem(WebApplicationException exception, String path) {
    // The runtime answers a query parameter it cannot convert (max=lots) with 404, as if the
    // resource were missing; the request is what is wrong, and it is said which parameter.
    Matcher query = UNREADABLE_QUERY_PARAM.matcher(String.valueOf(exception.getMessage()));
    if (exception instanceof NotFoundException && query.find()) {
      ProblemType type = ProblemType.BAD_REQUEST;
      return new Problem(
          Problem.TYPE_BASE + type.slug(),
          type.title(),
          type.status(),
          "'"
              + cut(query.group(2))
              + "' is not a value the query parameter "
              + query.group(1)
              + " takes; see the API's description (/openapi) for what it expects.",
          path);
    }
    int status = exception.getResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    String detail = status >= 500 ? type.title() : exception.getMessage();
    return new Problem(Problem.TYPE_BASE + type.slug(), type.title(), status, detail, path);
  }

  private static String cut(String value) {
    return value.length() <= 60 ? value : value.substring(0, 59) + "\u2026";
  }
}
