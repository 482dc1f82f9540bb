package io.encaptio.interfaces.problem;

import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.tenancy.application.InvalidTenantException;
import io.encaptio.tenancy.application.UnknownTenantException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Refusals from the services as problem+json: bad input 400 (with the problem per field), an
 * unknown tenant 404, a state that forbids the operation 409.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<EJBException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(EJBException exception) {
    Throwable cause = ServiceFailures.cause(exception);
    String path = uriInfo.getRequestUri().getPath();
    if (cause instanceof InvalidTenantException invalid) {
      return Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
          .withErrors(invalid.problems())
          .toResponse();
    }
    if (cause instanceof InvalidCapsuleException invalid) {
      return Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
          .withErrors(invalid.problems())
          .toResponse();
    }
    if (cause instanceof UnknownTenantException || cause instanceof NoSuchCapsuleException) {
      return Problem.of(ProblemType.NOT_FOUND, cause.getMessage(), path).toResponse();
    }
    if (cause instanceof IllegalArgumentException) {
      return Problem.of(ProblemType.BAD_REQUEST, cause.getMessage(), path).toResponse();
    }
    if (cause instanceof IllegalStateException) {
      return Problem.of(ProblemType.CONFLICT, cause.getMessage(), path).toResponse();
    }
    return new UnexpectedExceptionMapper().toResponseFor(exception, path);
  }
}
