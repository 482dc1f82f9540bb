package io.encaptio.interfaces.problem;

import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.access.AccessDeniedException;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.shared.ConflictException;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.tenancy.application.IdentityProviderRefusedException;
import io.encaptio.tenancy.application.IdentityProviderUnavailableException;
import io.encaptio.tenancy.application.UnknownTenantException;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.TenantStateException;
import jakarta.ejb.EJBException;
import java.util.Optional;

/**
 * The services' refusals as problems: bad input 400 (with the problem per field), an unknown tenant
 * or resource 404, a role that may not do it or a capsule visitors cannot use 403, a state that
 * forbids the operation 409. The refusals are application exceptions and reach callers unwrapped;
 * one that a caller wrapped in an EJBException still reads as itself. For the API ({@link
 * UnexpectedExceptionMapper}) and the pages ({@code PageMessages}) alike.
 */
public final class Refusals {

  private Refusals() {}

  /**
   * The problem a service's refusal means; empty for a failure nobody asked for (which is logged as
   * an incident instead: its text may name SQL, schemas or classes).
   */
  public static Optional<Problem> of(Throwable exception, String path) {
    Throwable cause = exception;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof InvalidTenantException invalid) {
      return Optional.of(
          Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
              .withErrors(invalid.problems()));
    }
    if (cause instanceof InvalidInputException invalid) {
      return Optional.of(
          Problem.of(ProblemType.BAD_REQUEST, invalid.getMessage(), path)
              .withErrors(invalid.problems()));
    }
    if (cause instanceof AccessDeniedException) {
      return Optional.of(Problem.of(ProblemType.FORBIDDEN, cause.getMessage(), path));
    }
    if (cause instanceof IdentityProviderRefusedException refused) {
      return Optional.of(
          Problem.of(
              refused.conflict() ? ProblemType.CONFLICT : ProblemType.BAD_REQUEST,
              refused.getMessage(),
              path));
    }
    if (cause instanceof IdentityProviderUnavailableException) {
      return Optional.of(
          Problem.of(
              ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
              "The sign-in service (Keycloak) did not answer; nothing was changed by it. Try again"
                  + " in a minute.",
              path));
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
