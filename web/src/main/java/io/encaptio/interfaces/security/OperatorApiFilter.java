package io.encaptio.interfaces.security;

import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.problem.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** The operators' API takes only verified bearer tokens of platform operators. */
@WebFilter(urlPatterns = "/api/ops/*")
public class OperatorApiFilter extends HttpFilter {

  @Inject CurrentCaller caller;
  @Inject RequestActors actors;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Optional<CallerIdentity> identity = caller.find();
    if (identity.isEmpty()) {
      ProblemWriter.unauthenticated(
          req, resp, "Send a platform operator's access token as 'Authorization: Bearer <token>'.");
    } else if (!identity.get().isPlatformOperator()) {
      ProblemWriter.write(
          req, resp, ProblemType.FORBIDDEN, "Tenant operations need the platform-operator role.");
    } else {
      TenantScope.continueAs(actors.operator(identity.get(), req), req, resp, chain);
    }
  }
}
