package io.encaptio.interfaces.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception no other mapper takes: a service's refusal (application exceptions arrive
 * unwrapped) as its problem, anything unexpected logged with an incident id and answered as a 500
 * problem that names the id and never carries a stack trace or the exception's text.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Exception exception) {
    return problem(exception, uriInfo.getRequestUri().getPath()).toResponse();
  }

  /** Logs the failure under a new incident id: the 500 problem naming the id. */
  public static Problem incident(Throwable exception, String path) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, exception);
    return Problem.of(
        ProblemType.INTERNAL,
        "The request failed on our side; quote incident " + incident + " to support.",
        path);
  }

  /** The problem any failure of a request means: a refusal, an HTTP error, or an incident. */
  public static Problem problem(Throwable failure, String path) {
    if (failure instanceof jakarta.ws.rs.WebApplicationException web) {
      return WebApplicationExceptionMapper.problem(web, path);
    }
    return Refusals.of(failure, path).orElseGet(() -> incident(failure, path));
  }
}
