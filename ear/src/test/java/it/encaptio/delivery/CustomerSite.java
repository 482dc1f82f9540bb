package it.encaptio.delivery;

import com.sun.net.httpserver.HttpServer;
import it.encaptio.ItEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's web site on a port of its own (so another origin than Encaptio's): pages that embed
 * capsules' widgets, with the site's own, unfriendly CSS.
 */
public final class CustomerSite implements AutoCloseable {

  /** CSS a careless site might have: it must change nothing inside the widget. */
  static final String HOSTILE_CSS =
      "* { color: rgb(255, 0, 0) !important; font-size: 40px !important;"
          + " font-family: serif !important; }"
          + " button, textarea { display: none !important; }"
          + " .launcher, .panel, .message { display: none !important; }";

  private final HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  public CustomerSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String page = pages.get(exchange.getRequestURI().getPath());
          byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The site's origin, as a browser sends it. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String url(String path) {
    return origin() + path;
  }

  /** A page of exactly this HTML. */
  public void rawPage(String path, String html) {
    pages.put(path, html);
  }

  /** A page with the hostile CSS, some text of its own, and this HTML in its body. */
  public void page(String path, String body) {
    pages.put(
        path,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title><style>"
            + HOSTILE_CSS
            + "</style></head><body><p class=\"host\">Our shop's own text.</p>"
            + body
            + "</body></html>");
  }

  /** The script tag of a capsule's widget, with extra attributes. */
  public static String widget(String key, String attributes) {
    return "<script src=\""
        + ItEnvironment.baseUrl()
        + "/widget.js\" data-capsule=\""
        + key
        + "\" "
        + attributes
        + " async></script>";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
