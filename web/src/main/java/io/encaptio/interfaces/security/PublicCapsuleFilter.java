package io.encaptio.interfaces.security;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.AccessDto;
import io.encaptio.application.ProductMetrics;
import io.encaptio.application.RateLimitedException;
import io.encaptio.application.VisitorLimits;
import io.encaptio.domain.capsule.EmbedTokenException;
import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.problem.ProblemWriter;
import io.encaptio.tenancy.application.PublicKeyRegistry;
import io.encaptio.tenancy.application.PublicKeyRegistry.PublicKeyOwner;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the visitors' API. The capsule's public key in the path names the tenant (through the
 * platform's key registry, never through anything else the visitor sends): an unknown key gets 404,
 * a key of a tenant that is not active 403 {@code capsule-unavailable} (without the operator's
 * reason). Then, in that tenant:
 *
 * <ol>
 *   <li>a browser page's {@code Origin} must be the platform's own (the share page) or one the
 *       capsule allows, else 403 {@code origin-not-allowed} (readable by that page, so its
 *       developer sees why; nothing else is); allowed origins get CORS headers, and preflights end
 *       here. A call without an Origin header does not come from a page;
 *   <li>a capsule that requires signed embed tokens refuses a call without a valid one ({@code
 *       Authorization: Bearer}), 401 {@code embed-token-…}; a token sent to any capsule is checked,
 *       and its {@code sub} becomes the visitor's identity ({@link #VISITOR_IDENTITY});
 *   <li>public calls per address and minute are limited by plan ({@link VisitorLimits}), 429 with
 *       {@code Retry-After}.
 * </ol>
 *
 * Brand images are exempt from tokens (an {@code img} element sends no header). The request runs as
 * the tenant, with the capsule's id in {@link #CAPSULE_ID}.
 */
@WebFilter(urlPatterns = "/api/public/v1/capsules/*")
public class PublicCapsuleFilter extends HttpFilter {

  public static final String CAPSULE_ID = "encaptio.public.capsule";
  public static final String PLAN = "encaptio.public.plan";
  public static final String VISITOR_IDENTITY = "encaptio.public.identity";
  public static final String ORIGIN = "encaptio.public.origin";

  private static final String ALLOWED_HEADERS =
      "Content-Type, Accept, Authorization, Encaptio-Visitor, Last-Event-ID";

  @Inject PublicKeyRegistry keys;
  @EJB DeliveryService delivery;
  @Inject VisitorLimits limits;
  @Inject ProductMetrics metrics;

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

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
    UUID capsule = owner.get().resourceId();
    req.setAttribute(CAPSULE_ID, capsule);
    req.setAttribute(PLAN, owner.get().tenant().plan());
    metrics.tenantRequest(owner.get().tenant().slug(), "public");
    TenantScope.continueAs(
        owner.get().tenant(), req, resp, (rq, rs) -> admit(req, resp, capsule, key, chain));
  }

  private void admit(
      HttpServletRequest req, HttpServletResponse resp, UUID capsule, String key, FilterChain chain)
      throws IOException, ServletException {
    long began = System.nanoTime();
    Optional<AccessDto> found = delivery.policy(capsule);
    long policed = System.nanoTime();
    if (found.isEmpty()) {
      ProblemWriter.write(req, resp, ProblemType.NOT_FOUND, "No capsule has this key.");
      return;
    }
    AccessDto policy = found.get();
    String origin = req.getHeader("Origin");
    if (origin != null && !ownOrigin(req, origin)) {
      if (!policy.admits(origin)) {
        // readable by the refused page, so its developer sees why in the browser's console
        resp.setHeader("Access-Control-Allow-Origin", origin);
        resp.addHeader("Vary", "Origin");
        ProblemWriter.write(
            req,
            resp,
            ProblemType.ORIGIN_NOT_ALLOWED,
            "Pages on "
                + origin
                + " may not use this capsule; its owner can allow the origin in the capsule's"
                + " Publish tab.");
        return;
      }
      resp.setHeader("Access-Control-Allow-Origin", origin);
      resp.addHeader("Vary", "Origin");
      resp.setHeader("Access-Control-Expose-Headers", "Retry-After, Location");
      if ("OPTIONS".equals(req.getMethod())) {
        resp.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        resp.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        resp.setHeader("Access-Control-Max-Age", "600");
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    if (origin != null) {
      req.setAttribute(ORIGIN, origin);
    }
    boolean image = req.getRequestURI().contains("/assets/");
    String token = bearer(req);
    if (!image && (policy.requireSignedToken() || token != null)) {
      try {
        String identity = delivery.verifyEmbedToken(capsule, key, token);
        if (identity != null) {
          req.setAttribute(VISITOR_IDENTITY, identity);
        }
      } catch (EmbedTokenException refused) {
        resp.setHeader("WWW-Authenticate", "Bearer realm=\"encaptio-embed\"");
        ProblemWriter.write(
            req, resp, ProblemType.ofSlug(refused.reason().slug()), refused.getMessage());
        return;
      }
    }
    long checked = System.nanoTime();
    try {
      limits.request((String) req.getAttribute(PLAN), capsule, req.getRemoteAddr());
    } catch (RateLimitedException e) {
      resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
      ProblemWriter.write(req, resp, ProblemType.RATE_LIMITED, e.getMessage());
      return;
    }
    long limited = System.nanoTime();
    resp.setHeader(
        "Server-Timing",
        String.format(
            java.util.Locale.ROOT,
            "policy;dur=%.2f, token;dur=%.2f, limits;dur=%.2f",
            (policed - began) / 1e6,
            (checked - policed) / 1e6,
            (limited - checked) / 1e6));
    chain.doFilter(req, resp);
  }

  /** The platform's own pages (the share page): its public address, or the address asked. */
  private boolean ownOrigin(HttpServletRequest req, String origin) {
    String asked =
        req.getScheme()
            + "://"
            + req.getServerName()
            + (req.getServerPort() == 80 || req.getServerPort() == 443
                ? ""
                : ":" + req.getServerPort());
    if (origin.equalsIgnoreCase(asked)) {
      return true;
    }
    try {
      URI own = URI.create(publicUrl);
      String base =
          own.getScheme() + "://" + own.getHost() + (own.getPort() < 0 ? "" : ":" + own.getPort());
      return origin.equalsIgnoreCase(base);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String bearer(HttpServletRequest req) {
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
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
