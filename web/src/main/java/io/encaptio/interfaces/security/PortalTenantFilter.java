package io.encaptio.interfaces.security;

import io.encaptio.application.ProductMetrics;
import io.encaptio.interfaces.portal.web.PortalSession;
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
 * Holds the tenant for every portal request. The container has already signed the person in
 * (Keycloak, via Liberty's OIDC client); this filter maps their organization to a tenant, sends
 * people with several organizations to the chooser, and shows a clear page when their organization
 * cannot be served.
 */
@WebFilter(urlPatterns = "/app/*")
public class PortalTenantFilter extends HttpFilter {

  static final String CHOOSER = "/app/choose-organization.xhtml";
  static final String NO_TENANT_PAGE = "/app/no-tenant.xhtml";
  public static final String PROBLEM_ATTRIBUTE = "encaptio.tenantProblem";

  /**
   * Names the organization to work in, among the person's own: {@code
   * /app/dashboard.xhtml?organization=acme}.
   */
  public static final String ORGANIZATION_PARAMETER = "organization";

  @Inject CurrentCaller caller;
  @Inject TenantResolver resolver;
  @Inject PortalSession session;
  @Inject RequestActors actors;
  @Inject ProductMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Optional<CallerIdentity> identity = caller.find();
    if (identity.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String named = req.getParameter(ORGANIZATION_PARAMETER);
    if (named != null && identity.get().organizations().contains(named)) {
      session.choose(named); // an invitation's link names the organization it leads into
    }
    var outcome =
        TenantSelection.select(
            identity.get().organizations(), session.getChosenOrganization(), resolver);
    if (outcome instanceof TenantSelection.Selected selected) {
      metrics.tenantRequest(selected.tenant().slug(), "portal");
      TenantScope.continueAs(
          selected.tenant(),
          req,
          resp,
          (request, response) -> {
            RequestActors.Resolved resolved =
                actors.person(
                    identity.get(),
                    req,
                    people -> session.enter(selected.tenant(), identity.get(), people));
            if (resolved.refused()) {
              req.setAttribute(
                  PROBLEM_ATTRIBUTE, resolved.message(selected.tenant().displayName()));
              resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
              req.getRequestDispatcher(NO_TENANT_PAGE).forward(req, resp);
              return;
            }
            TenantScope.continueAs(resolved.actor(), req, resp, chain);
          });
    } else if (path.startsWith(CHOOSER) || path.startsWith("/app/jakarta.faces.resource")) {
      chain.doFilter(req, resp);
    } else if (outcome instanceof TenantSelection.MustChoose) {
      resp.sendRedirect(req.getContextPath() + CHOOSER);
    } else if (outcome instanceof TenantSelection.NoOrganization
        && identity.get().isPlatformOperator()) {
      session.setTenant(null);
      TenantScope.continueAs(actors.operator(identity.get(), req), req, resp, chain);
    } else {
      req.setAttribute(PROBLEM_ATTRIBUTE, TenantSelection.explain(outcome, "switch organization"));
      resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
      req.getRequestDispatcher(NO_TENANT_PAGE).forward(req, resp);
    }
  }
}
