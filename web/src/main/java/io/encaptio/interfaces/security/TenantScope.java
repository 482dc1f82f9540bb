package io.encaptio.interfaces.security;

import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Continues a filter chain with the tenant held in {@link TenantContext}, cleared afterwards. */
final class TenantScope {

  private TenantScope() {}

  static void continueAs(
      TenantRef tenant, HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    try {
      TenantContext.callAs(
          tenant,
          () -> {
            chain.doFilter(req, resp);
            return null;
          });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
