package io.encaptio.interfaces.security;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Continues a filter chain with the tenant held in {@link TenantContext}, or the actor in {@link
 * ActorContext}, cleared afterwards.
 */
final class TenantScope {

  private TenantScope() {}

  static void continueAs(
      TenantRef tenant, HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    run(
        () ->
            TenantContext.callAs(
                tenant,
                () -> {
                  chain.doFilter(req, resp);
                  return null;
                }));
  }

  /** Continues the chain as the actor (inside a tenant's scope, or as an operator). */
  static void continueAs(
      Actor actor, HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    run(
        () ->
            ActorContext.callAs(
                actor,
                () -> {
                  chain.doFilter(req, resp);
                  return null;
                }));
  }

  private static void run(java.util.concurrent.Callable<Void> work)
      throws IOException, ServletException {
    try {
      work.call();
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
