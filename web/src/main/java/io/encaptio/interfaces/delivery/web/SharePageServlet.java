package io.encaptio.interfaces.delivery.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.PublishedCapsuleDto;
import io.encaptio.tenancy.application.PublicKeyRegistry;
import io.encaptio.tenancy.application.PublicKeyRegistry.PublicKeyOwner;
import io.encaptio.tenancy.application.ShareSlugRegistry;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * A capsule's share page, {@code /c/{slug}} (its readable address, {@link ShareSlugRegistry}) or
 * {@code /c/{public key}}: what its link and QR code open. The page itself is rendered here (title,
 * description, language, theme, and the welcome message and suggested questions for browsers
 * without JavaScript); the chat is the widget in page mode, talking to the public API like any
 * widget. Everything from the capsule is escaped for HTML, and a strict Content-Security-Policy
 * allows only this server's own script, styles and images.
 */
@WebServlet(urlPatterns = "/c/*")
public class SharePageServlet extends HttpServlet {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  @Inject PublicKeyRegistry keys;
  @Inject ShareSlugRegistry slugs;
  @EJB CapsuleService capsules;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    securityHeaders(resp);
    String key = path;
    Optional<PublicKeyOwner> found = keys.resolve(key);
    if (found.isEmpty()) { // a readable slug naming the key
      Optional<String> named = slugs.keyOf(path);
      if (named.isPresent()) {
        key = named.get();
        found = keys.resolve(key);
      }
    }
    if (found.isEmpty()) {
      page(resp, 404, notice("No such capsule", "Check the link you followed."));
      return;
    }
    PublicKeyOwner owner = found.get();
    Optional<PublishedCapsuleDto> published =
        owner.tenant().isActive()
            ? TenantContext.supplyAs(owner.tenant(), () -> capsules.published(owner.resourceId()))
            : Optional.empty();
    if (published.isEmpty()) {
      page(resp, 404, notice("Not available", "This capsule is not available right now."));
      return;
    }
    resp.setHeader("Cache-Control", "no-cache");
    page(resp, 200, share(key, published.get()));
  }

  static void securityHeaders(HttpServletResponse resp) {
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
  }

  private static void page(HttpServletResponse resp, int status, String html) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html;charset=UTF-8");
    resp.getWriter().write(html);
  }

  static String share(String key, PublishedCapsuleDto capsule) {
    String theme = "dark".equals(capsule.brand().theme()) ? "dark" : "light";
    StringBuilder fallback = new StringBuilder();
    fallback.append("<h1>").append(text(capsule.name())).append("</h1>");
    if (capsule.welcomeMessage() != null) {
      fallback.append("<p>").append(text(capsule.welcomeMessage())).append("</p>");
    }
    if (!capsule.suggestedQuestions().isEmpty()) {
      fallback.append("<ul>");
      capsule
          .suggestedQuestions()
          .forEach(q -> fallback.append("<li>").append(text(q)).append("</li>"));
      fallback.append("</ul>");
    }
    fallback.append("<p>The chat needs JavaScript.</p>");
    return "<!DOCTYPE html>\n<html lang=\""
        + text(capsule.language())
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + text(capsule.name())
        + "</title>\n"
        + (capsule.welcomeMessage() == null
            ? ""
            : "<meta name=\"description\" content=\"" + text(capsule.welcomeMessage()) + "\">\n")
        + "<meta name=\"theme-color\" content=\""
        + text(capsule.brand().primaryColor())
        + "\">\n<link rel=\"stylesheet\" href=\"/share.css\">\n"
        + "<script src=\"/widget.js\" data-capsule=\""
        + text(key)
        + "\" data-mode=\"page\" data-target=\"#chat\" async></script>\n</head>\n"
        + "<body class=\""
        + theme
        + "\">\n<main id=\"chat\">\n<noscript>"
        + fallback
        + "</noscript>\n</main>\n</body>\n</html>\n";
  }

  private static String notice(String title, String detail) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + text(title)
        + "</title>\n<link rel=\"stylesheet\" href=\"/share.css\">\n</head>\n<body class=\"light\">"
        + "<main class=\"notice\"><h1>"
        + text(title)
        + "</h1><p>"
        + text(detail)
        + "</p></main></body>\n</html>\n";
  }

  /** Text (or an attribute value) as HTML: &, <, >, " and ' escaped. */
  static String text(String value) {
    return value == null ? "" : Entities.escape(value);
  }
}
