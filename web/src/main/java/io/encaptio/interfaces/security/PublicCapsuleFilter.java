package io.encaptio.interfaces.security;

import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.problem.ProblemWriter;
import io.encaptio.tenancy.application.PublicKeyRegistry;
import io.encaptio.tenancy.application.PublicKeyRegistry.PublicKeyOwner;
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
 * Guards the visitors' API: the capsule's public key in the path names the tenant (through the
 * platform's key registry, never through anything else the visitor sends). An unknown key gets 404;
 * a key of a tenant that is not active gets 403 {@code capsule-unavailable} without the operator's
 * reason, which is not the visitor's business. Otherwise the request runs as that tenant, with the
 * capsule's id in the request attribute {@link #CAPSULE_ID}.
 */
@WebFilter(urlPatterns = "/api/public/v1/capsules/*")
public class PublicCapsuleFilter extends HttpFilter {

  public static final String CAPSULE_ID = "encaptio.public.capsule";

  @Inject PublicKeyRegistry keys;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    String key = keyIn(req.getRequestURI());
    Optional<PublicKeyOwner> owner = keys.resolve(key);
    if (owner.isEmpty()) {
      ProblemWriter.write(
          req,
          resp,
          ProblemType.NOT_FOUND,
          "No capsule has this key; check the data-capsule attribute or the link you followed.");
      return;
    }
    if (!owner.get().tenant().isActive()) {
      ProblemWriter.write(
          req, resp, ProblemType.CAPSULE_UNAVAILABLE, "This capsule is unavailable right now.");
      return;
    }
    req.setAttribute(CAPSULE_ID, owner.get().resourceId());
    TenantScope.continueAs(owner.get().tenant(), req, resp, chain);
  }

  /** The path segment after {@code /capsules/}: the key, whatever follows it. */
  static String keyIn(String uri) {
    String marker = "/api/public/v1/capsules/";
    int start = uri.indexOf(marker);
    if (start < 0) {
      return null;
    }
    String rest = uri.substring(start + marker.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
