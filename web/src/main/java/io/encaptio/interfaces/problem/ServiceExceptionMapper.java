package io.encaptio.interfaces.problem;

import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.shared.ConflictException;
import io.encaptio.tenancy.application.UnknownTenantException;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.TenantStateException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Refusals from the services as problem+json: bad input 400 (with the problem per field), an
 * unknown tenant or resource 404, a state that forbids the operation 409. The services' refusals
 * are application exceptions and reach the resources unwrapped ({@link UnexpectedExceptionMapper}
 * maps them through {@link #refusal}); this mapper takes the EJB container's wrapping off anything
 * else.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<EJBException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(EJBException exception) {
    String path = uriInfo.getRequestUri().getPath();
    return UnexpectedExceptionMapper.problem(exception, path).toResponse();
  }

  /**
   * The problem a service's refusal means; empty for a failure nobody asked for (which is logged as
   * an incident instead: its text may name SQL, schemas or classes).
   */
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
    if (cause instanceof ConflictException || cause instanceof TenantStateException) {
      return Optional.of(Problem.of(ProblemType.CONFLICT, cause.getMessage(), path));
    }
    return Optional.empty();
  }
}
