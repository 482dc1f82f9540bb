package io.encaptio.interfaces.problem;

import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.SqlFailures;
import io.encaptio.application.TenantMovedException;
import io.encaptio.application.TenantReadOnlyException;
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
    if (cause instanceof TenantMovedException) {
      return Optional.of(Problem.of(ProblemType.TENANT_MOVED, cause.getMessage(), path));
    }
    if (cause instanceof TenantReadOnlyException || readOnlyTenant(exception)) {
      return Optional.of(Problem.of(ProblemType.TENANT_READ_ONLY, READ_ONLY, path));
    }
    if (SqlFailures.hasState(exception, "40P01", "40001")) {
      // PostgreSQL cancelled the transaction to break a deadlock or keep it serializable
      return Optional.of(Problem.of(ProblemType.TRY_AGAIN, TRY_AGAIN, path));
    }
    if (tenantSchemaGone(exception)) {
      // a failure at commit, after the services' own check (TenantMovedException)
      return Optional.of(
          Problem.of(ProblemType.TENANT_MOVED, new TenantMovedException().getMessage(), path));
    }
    return Optional.empty();
  }

  static final String TRY_AGAIN =
      "The request met another change of the same data at the same moment and was not carried"
          + " out; nothing was changed. Send it again.";

  static final String READ_ONLY =
      "This organization's data is being moved to another database server: changes are paused"
          + " for a minute or so, reading goes on. Nothing was changed; try again shortly.";

  /** SQLSTATE 25006: a write in a read-only transaction, as a tenant's are while it is moved. */
  static boolean readOnlyTenant(Throwable failure) {
    return SqlFailures.hasState(failure, "25006");
  }

  private static final java.util.regex.Pattern TENANT_SCHEMA =
      java.util.regex.Pattern.compile("\\bt_[0-9a-f]{32}\\b");

  /** A tenant's table or schema missing: its data moved while the request ran. */
  static boolean tenantSchemaGone(Throwable failure) {
    return TenantMovedException.schemaGone(failure, m -> TENANT_SCHEMA.matcher(m).find());
  }
}
