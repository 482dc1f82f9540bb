package io.encaptio.interfaces.security;

import io.encaptio.application.ProductMetrics;
import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.problem.ProblemWriter;
import io.encaptio.tenancy.application.TenantResolver;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Guards the integrator API: a request without a verified bearer token gets 401, and one whose
 * token's organization is not an active tenant gets 403, both as problem+json. Otherwise the
 * request runs with that tenant held in {@link io.encaptio.tenancy.context.TenantContext} and
 * cleared afterwards.
 */
@WebFilter(urlPatterns = "/api/v1/*")
public class ApiTenantFilter extends HttpFilter {

  /** Names one of the token's organizations when the token carries several. */
  public static final String ORGANIZATION_HEADER = "Encaptio-Organization";

  @Inject CurrentCaller caller;
  @Inject TenantResolver resolver;
  @Inject RequestActors actors;
  @Inject ProductMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Optional<CallerIdentity> identity = caller.find();
    if (identity.isEmpty()) {
      boolean sent = req.getHeader("Authorization") != null;
      ProblemWriter.unauthenticated(
          req,
          resp,
          sent
              ? "The bearer token is invalid or expired; request a new access token from the"
                  + " Encaptio identity provider."
              : "Send an access token from the Encaptio identity provider as"
                  + " 'Authorization: Bearer <token>'.");
      return;
    }
    var outcome =
        TenantSelection.select(
            identity.get().organizations(), req.getHeader(ORGANIZATION_HEADER), resolver);
    if (outcome instanceof TenantSelection.Selected selected) {
      metrics.tenantRequest(selected.tenant().slug(), "api");
      TenantScope.continueAs(
          selected.tenant(),
          req,
          resp,
          (request, response) -> {
            RequestActors.Resolved resolved;
            try {
              resolved =
                  actors.person(
                      identity.get(), req, people -> people.membership(identity.get().subject()));
            } catch (RuntimeException e) {
              ProblemWriter.failure(req, resp, e); // problem+json, never the server's error page
              return;
            }
            if (resolved.refused()) {
              refuse(
                  req,
                  resp,
                  ProblemType.FORBIDDEN,
                  resolved.message(selected.tenant().displayName()));
              return;
            }
            TenantScope.continueAs(resolved.actor(), req, resp, chain);
          });
    } else {
      refuse(
          req, resp, problemType(outcome), TenantSelection.explain(outcome, ORGANIZATION_HEADER));
    }
  }

  private static ProblemType problemType(TenantSelection.Outcome outcome) {
    if (outcome instanceof TenantSelection.NoOrganization) {
      return ProblemType.NO_TENANT;
    } else if (outcome instanceof TenantSelection.MustChoose) {
      return ProblemType.AMBIGUOUS_TENANT;
    } else if (outcome instanceof TenantSelection.Unknown) {
      return ProblemType.UNKNOWN_TENANT;
    } else if (outcome instanceof TenantSelection.Unavailable) {
      return ProblemType.TENANT_UNAVAILABLE;
    }
    return ProblemType.FORBIDDEN;
  }

  private static void refuse(
      HttpServletRequest req, HttpServletResponse resp, ProblemType type, String detail)
      throws IOException {
    ProblemWriter.write(req, resp, type, detail);
  }
}
