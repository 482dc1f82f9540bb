package io.encaptio.interfaces.security;

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

  @Inject CurrentCaller caller;
  @Inject TenantResolver resolver;
  @Inject PortalSession session;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Optional<CallerIdentity> identity = caller.find();
    if (identity.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    var outcome =
        TenantSelection.select(
            identity.get().organizations(), session.getChosenOrganization(), resolver);
    if (outcome instanceof TenantSelection.Selected selected) {
      TenantScope.continueAs(
          selected.tenant(),
          req,
          resp,
          (request, response) -> {
            session.enter(selected.tenant(), identity.get());
            chain.doFilter(request, response);
          });
    } else if (path.startsWith(CHOOSER) || path.startsWith("/app/jakarta.faces.resource")) {
      chain.doFilter(req, resp);
    } else if (outcome instanceof TenantSelection.MustChoose) {
      resp.sendRedirect(req.getContextPath() + CHOOSER);
    } else if (outcome instanceof TenantSelection.NoOrganization
        && identity.get().isPlatformOperator()) {
      session.setTenant(null);
      chain.doFilter(req, resp);
    } else {
      req.setAttribute(PROBLEM_ATTRIBUTE, TenantSelection.explain(outcome, "switch organization"));
      resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
      req.getRequestDispatcher(NO_TENANT_PAGE).forward(req, resp);
    }
  }
}
