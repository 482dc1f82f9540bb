package io.encaptio.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The operator console is for platform operators only: the role comes from the verified ID token's
 * groups; anyone else signed in gets a page saying so, with status 403.
 */
@WebFilter(urlPatterns = "/ops/*")
public class OperatorFilter extends HttpFilter {

  static final String FORBIDDEN_PAGE = "/ops/forbidden.xhtml";

  @Inject CurrentCaller caller;
  @Inject RequestActors actors;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    boolean operator = caller.find().map(CallerIdentity::isPlatformOperator).orElse(false);
    if (operator) {
      TenantScope.continueAs(actors.operator(caller.identity(), req), req, resp, chain);
    } else {
      resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
      req.getRequestDispatcher(FORBIDDEN_PAGE).forward(req, resp);
    }
  }
}
