package io.encaptio.interfaces.problem;

import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.tenancy.application.InvalidTenantException;
import io.encaptio.tenancy.application.UnknownTenantException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Refusals from the services as problem+json: bad input 400 (with the problem per field), an
 * unknown tenant 404, a state that forbids the operation 409.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<EJBException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(EJBException exception) {
    String path = uriInfo.getRequestUri().getPath();
    return refusal(exception, path)
        .map(Problem::toResponse)
        .orElseGet(() -> new UnexpectedExceptionMapper().toResponseFor(exception, path));
  }

  /** The problem a service's refusal means; empty for a failure nobody asked for. */
  public static Optional<Problem> refusal(Throwable exception, String path) {
    Throwable cause = ServiceFailures.cause(exception);
    if (cause instanceof InvalidTenantException invalid) {
      return Optional.of(
          Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
              .withErrors(invalid.problems()));
    }
    if (cause instanceof InvalidCapsuleException invalid) {
      return Optional.of(
          Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
              .withErrors(invalid.problems()));
    }
    if (cause instanceof UnknownTenantException || cause instanceof NotFoundException) {
      return Optional.of(Problem.of(ProblemType.NOT_FOUND, cause.getMessage(), path));
    }
    if (cause instanceof CapsuleUnavailableException) {
      return Optional.of(Problem.of(ProblemType.CAPSULE_UNAVAILABLE, cause.getMessage(), path));
    }
    if (cause instanceof IllegalArgumentException) {
      return Optional.of(Problem.of(ProblemType.BAD_REQUEST, cause.getMessage(), path));
    }
    if (cause instanceof IllegalStateException) {
      return Optional.of(Problem.of(ProblemType.CONFLICT, cause.getMessage(), path));
    }
    return Optional.empty();
  }
}
