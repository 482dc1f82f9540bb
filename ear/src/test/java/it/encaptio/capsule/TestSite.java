package it.encaptio.capsule;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web site for URL sources, served by the test JVM on 127.0.0.1 (the test server is
 * configured to fetch from loopback, which production refuses). Pages can be changed, made to fail
 * and counted while a test runs.
 */
final class TestSite implements AutoCloseable {

  private record Page(int status, String type, String body) {}

  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          Page page = pages.getOrDefault(path, new Page(404, "text/plain", "not found"));
          if (page.status() / 100 == 3) {
            exchange.getResponseHeaders().add("Location", page.body());
          }
          byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", page.type());
          exchange.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** An HTML page at {@code path} with a heading, paragraphs and links to other paths. */
  TestSite html(String path, String heading, String text, String... links) {
    StringBuilder html =
        new StringBuilder("<html><head><title>")
            .append(heading)
            .append("</title></head><body><h1>")
            .append(heading)
            .append("</h1><p>")
            .append(text)
            .append("</p><ul>");
    for (String link : links) {
      html.append("<li><a href=\"").append(link).append("\">").append(link).append("</a></li>");
    }
    pages.put(
        path,
        new Page(200, "text/html; charset=utf-8", html.append("</ul></body></html>").toString()));
    return this;
  }

  TestSite text(String path, String type, String body) {
    pages.put(path, new Page(200, type, body));
    return this;
  }

  TestSite failing(String path, int status) {
    pages.put(path, new Page(status, "text/plain", "failing on purpose"));
    return this;
  }

  TestSite redirect(String path, String location) {
    pages.put(path, new Page(302, "text/plain", location));
    return this;
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
