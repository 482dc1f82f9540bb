package io.encaptio.infrastructure.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.WebFetcher.CrawlResult;
import io.encaptio.domain.content.WebFetcher.WebPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real HTTP against a JDK server on 127.0.0.1, which the fetcher may reach only because these tests
 * allow loopback; the guard's refusals are asserted with loopback refused.
 */
class HttpWebFetcherTest {

  private static final long MAX_BYTES = 5 * 1024 * 1024;

  /** Answers one request; a test server's route. */
  private interface Route {
    void answer(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> userAgents = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private HttpServer server;
  private HttpServer otherSite;
  private HttpWebFetcher fetcher;

  @BeforeEach
  void startServer() throws IOException {
    server = start();
    fetcher = new HttpWebFetcher(true, MAX_BYTES, 5);
  }

  @AfterEach
  void stopServers() {
    fetcher.close();
    server.stop(0);
    if (otherSite != null) {
      otherSite.stop(0);
    }
    threads.shutdownNow();
  }

  @Test
  void readsPageWithItsLinksAbsoluteWithoutFragmentsOnceInDocumentOrder() {
    page(
        "/docs/index.html",
        "<html><body><a href='guide.html#intro'>Guide</a> <a href='/faq'>FAQ</a>"
            + " <a href='guide.html#setup'>Setup</a> <a href='mailto:team@example.com'>Mail</a>"
            + " <a href='javascript:void(0)'>JS</a> <a href='https://example.com/x?a=1#top'>Out</a>"
            + " <a name='anchor'>no href</a></body></html>");

    WebPage page = fetcher.fetch(url("/docs/index.html"));

    assertThat(page.url()).isEqualTo(url("/docs/index.html"));
    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(new String(page.bytes(), UTF_8)).contains("<a href='/faq'>FAQ</a>");
    assertThat(page.links())
        .containsExactly(
            url("/docs/guide.html"), url("/faq"), URI.create("https://example.com/x?a=1"));
    assertThat(userAgents.get("/docs/index.html"))
        .isEqualTo("EncaptioBot/1.0 (+https://encaptio.io/bot)");
  }

  @Test
  void givesNoLinksForAnythingButHtml() {
    routes.put(
        "/notes.txt", ex -> respond(ex, 200, "text/plain; charset=utf-8", "see http://a.b/"));

    WebPage page = fetcher.fetch(url("/notes.txt"));

    assertThat(page.mediaType()).isEqualTo("text/plain");
    assertThat(page.links()).isEmpty();
  }

  @Test
  void consultsTheGuardForIpLiteralsSoLoopbackIsRefusedUnlessAllowed() {
    page("/", "<p>Hello</p>");
    HttpWebFetcher production = new HttpWebFetcher(false, MAX_BYTES, 5);
    try {
      assertThatThrownBy(() -> production.fetch(url("/")))
          .isInstanceOf(ContentRejectedException.class)
          .hasMessage(
              "The address 127.0.0.1 points to a private or local network address, which"
                  + " Encaptio does not fetch. Give the address of a public web page.");
      assertThatThrownBy(() -> production.fetch(URI.create("http://localhost:" + port() + "/")))
          .hasMessageContaining("private or local network address");
    } finally {
      production.close();
    }
    assertThat(hits).as("no request reached the server").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://2130706433/",
        "http://[::1]/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[64:ff9b::a00:1]/",
        "http://[2002:c0a8:101::1]/"
      })
  void refusesPrivateAndLocalAddressLiterals(String address) {
    HttpWebFetcher production = new HttpWebFetcher(false, MAX_BYTES, 5);
    try {
      assertThatThrownBy(() -> production.fetch(URI.create(address)))
          .isInstanceOf(ContentRejectedException.class)
          .hasMessageContaining("points to a private or local network address");
    } finally {
      production.close();
    }
  }

  @Test
  void judgesIpv4MappedIpv6ByTheIpv4AddressItCarries() throws IOException {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 10;
    mapped[15] = 1; // ::ffff:10.0.0.1, kept as IPv6 (InetAddress.getByName would unwrap it)
    InetAddress address = Inet6Address.getByAddress(null, mapped, null);

    assertThat(new AddressGuard(true).isAllowed(address)).isFalse();
    assertThat(new AddressGuard(true).isAllowed(InetAddress.getByName("93.184.215.14"))).isTrue();
    assertThat(new AddressGuard(true).isAllowed(InetAddress.getByName("2606:4700::1"))).isTrue();
  }

  @Test
  void refusesRedirectToCloudMetadata() {
    routes.put("/go", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data"));

    assertThatThrownBy(() -> fetcher.fetch(url("/go")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessageContaining("169.254.169.254 points to a private or local network address");
  }

  @Test
  void followsFiveRedirectsButNotSix() {
    routes.put(
        "/hop",
        ex -> {
          int left = Integer.parseInt(ex.getRequestURI().getQuery());
          if (left == 0) {
            respond(ex, 200, "text/html", "<p>Arrived</p>");
          } else {
            redirect(ex, "hop?" + (left - 1)); // relative to the current address
          }
        });

    assertThat(fetcher.fetch(url("/hop?5")).url()).isEqualTo(url("/hop?0"));
    assertThatThrownBy(() -> fetcher.fetch(url("/hop?6")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessageStartingWith("The page redirects more than 5 times.");
  }

  @Test
  void explainsNotFound() {
    assertThatThrownBy(() -> fetcher.fetch(url("/gone")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessage("The page answered 404 (Not Found). Check the address.");
  }

  @Test
  void explainsForbiddenAsNotPublic() {
    routes.put("/intranet", ex -> respond(ex, 403, "text/html", "no"));

    assertThatThrownBy(() -> fetcher.fetch(url("/intranet")))
        .hasMessage(
            "The page answered 403 (Forbidden): it needs a login or is not public. Encaptio"
                + " reads public pages only.");
  }

  @Test
  void explainsServerErrorAsTheSitesFailure() {
    routes.put("/broken", ex -> respond(ex, 503, "text/html", "down"));

    assertThatThrownBy(() -> fetcher.fetch(url("/broken")))
        .hasMessageStartingWith("The page answered 503 (Service Unavailable): the site failed");
  }

  @Test
  void refusesBodyLargerThanTheLimitWhetherDeclaredOrStreamed() {
    String big = "x".repeat(10_000);
    routes.put("/declared", ex -> respond(ex, 200, "text/plain", big));
    routes.put(
        "/streamed",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, 0); // chunked: no length to judge by
          try (OutputStream out = ex.getResponseBody()) {
            out.write(big.getBytes(UTF_8));
          } catch (IOException clientHungUp) {
            // the fetcher stops reading at the limit and drops the connection
          }
        });
    HttpWebFetcher small = new HttpWebFetcher(true, 1024, 5);
    try {
      for (String path : List.of("/declared", "/streamed")) {
        assertThatThrownBy(() -> small.fetch(url(path)))
            .isInstanceOf(ContentRejectedException.class)
            .hasMessageStartingWith("The page is larger than 1 KB");
      }
      routes.put("/fits", ex -> respond(ex, 200, "text/plain", "x".repeat(1024)));
      assertThat(small.fetch(url("/fits")).bytes()).hasSize(1024);
    } finally {
      small.close();
    }
  }

  @Test
  void givesUpOnServerThatDoesNotAnswerInTime() {
    routes.put(
        "/slow",
        ex -> {
          Thread.sleep(5_000);
          respond(ex, 200, "text/html", "late");
        });
    HttpWebFetcher impatient = new HttpWebFetcher(true, MAX_BYTES, 1);
    long started = System.nanoTime();
    try {
      assertThatThrownBy(() -> impatient.fetch(url("/slow")))
          .isInstanceOf(ContentRejectedException.class)
          .hasMessage("The page at 127.0.0.1 did not answer within 1 second. Try again later.");
    } finally {
      impatient.close();
    }
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
  }

  @Test
  void obeysRobotsTxtGroupForEncaptioBotWithLongestMatchWinning() {
    routes.put(
        "/robots.txt",
        ex ->
            respond(
                ex,
                200,
                "text/plain",
                "User-agent: *\nDisallow: /\n\n"
                    + "User-agent: encaptiobot\nDisallow: /private/\nAllow: /private/press/\n"
                    + "Disallow: /*.pdf$\n"));
    page("/private/x", "secret");
    page("/private/press/kit", "<p>Press</p>");
    page("/about", "<p>About</p>");
    page("/report.pdf", "pdf");

    assertThatThrownBy(() -> fetcher.fetch(url("/private/x")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessage("robots.txt of 127.0.0.1 does not allow Encaptio to read /private/x.");
    assertThatThrownBy(() -> fetcher.fetch(url("/report.pdf")))
        .hasMessageContaining("does not allow Encaptio to read /report.pdf");
    assertThat(fetcher.fetch(url("/private/press/kit")).url()).isEqualTo(url("/private/press/kit"));
    assertThat(fetcher.fetch(url("/about")).url()).isEqualTo(url("/about"));
    assertThat(hits.get("/private/x")).as("the refused page was never requested").isNull();
  }

  @Test
  void readsEverythingWhenRobotsTxtIsMissing() {
    page("/anything", "<p>Hi</p>");

    assertThat(fetcher.fetch(url("/anything")).bytes()).isNotEmpty();
    assertThat(hits.get("/robots.txt")).hasValue(1);
  }

  @Test
  void readsNothingWhileRobotsTxtFails() {
    routes.put("/robots.txt", ex -> respond(ex, 500, "text/plain", "oops"));
    page("/anything", "<p>Hi</p>");

    assertThatThrownBy(() -> fetcher.fetch(url("/anything")))
        .hasMessageStartingWith("The robots.txt of 127.0.0.1 could not be read");
    assertThat(hits.get("/anything")).isNull();
  }

  @Test
  void crawlsBreadthFirstToTheGivenDepthOnly() {
    page("/", "<a href='/a'>a</a>");
    page("/a", "<a href='/b'>b</a>");
    page("/b", "<a href='/c'>c</a>");
    page("/c", "end");

    CrawlResult result = fetcher.crawl(url("/"), 2, 100);

    assertThat(urls(result)).containsExactly(url("/"), url("/a"), url("/b"));
    assertThat(hits.get("/c")).isNull();
    assertThat(fetcher.crawl(url("/"), 0, 100).pages()).hasSize(1);
  }

  @Test
  void crawlsNoMorePagesThanAllowed() {
    StringBuilder links = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      links.append("<a href='/p").append(i).append("'>p</a>");
      page("/p" + i, "page " + i);
    }
    page("/", links.toString());

    CrawlResult result = fetcher.crawl(url("/"), 1, 3);

    assertThat(urls(result)).containsExactly(url("/"), url("/p1"), url("/p2"));
  }

  @Test
  void crawlStaysOnTheStartPagesOrigin() throws IOException {
    otherSite = start();
    String elsewhere = "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/x";
    page("/", "<a href='" + elsewhere + "'>other port</a><a href='/mine'>mine</a>");
    page("/mine", "mine");
    page("/x", "same path on this site, never linked");

    CrawlResult result = fetcher.crawl(url("/"), 2, 100);

    assertThat(urls(result)).containsExactly(url("/"), url("/mine"));
    assertThat(hits.get("/x")).as("requests to either site for /x").isNull();
  }

  @Test
  void crawlReadsAPageOnceWhateverItsFragment() {
    page("/", "<a href='/a#one'>1</a><a href='/a#two'>2</a><a href='/a'>3</a><a href='#top'>4</a>");
    page("/a", "<a href='/#back'>back</a>");

    CrawlResult result = fetcher.crawl(url("/"), 3, 100);

    assertThat(urls(result)).containsExactly(url("/"), url("/a"));
    assertThat(hits.get("/a")).hasValue(1);
    assertThat(hits.get("/")).hasValue(1);
  }

  @Test
  void crawlRecordsFailingLaterPagesAndGoesOn() {
    page("/", "<a href='/missing'>missing</a><a href='/ok'>ok</a>");
    page("/ok", "fine");

    CrawlResult result = fetcher.crawl(url("/"), 1, 100);

    assertThat(urls(result)).containsExactly(url("/"), url("/ok"));
    assertThat(result.failures())
        .containsExactly(
            Map.entry(url("/missing"), "The page answered 404 (Not Found). Check the address."));
  }

  @Test
  void crawlFailsWhenTheStartPageFails() {
    assertThatThrownBy(() -> fetcher.crawl(url("/missing"), 1, 10))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessageContaining("404");
  }

  @Test
  void refusesCrawlLimitsOutOfRange() {
    assertThatThrownBy(() -> fetcher.crawl(url("/"), 6, 10))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessage("A crawl follows links 0 to 5 steps deep, not 6.");
    assertThatThrownBy(() -> fetcher.crawl(url("/"), -1, 10))
        .isInstanceOf(ContentRejectedException.class);
    assertThatThrownBy(() -> fetcher.crawl(url("/"), 1, 0))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessage("A crawl reads 1 to 1000 pages, not 0.");
    assertThat(hits).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/file.txt", "file:///etc/passwd", "gopher://x/"})
  void refusesAddressesThatAreNotHttp(String address) {
    assertThatThrownBy(() -> fetcher.fetch(URI.create(address)))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessageStartingWith("Only web addresses starting with http:// or https://");
  }

  @Test
  void refusesAddressesWithUserInfo() {
    page("/", "<p>Hi</p>");

    assertThatThrownBy(() -> fetcher.fetch(URI.create("http://admin:pw@127.0.0.1:" + port() + "/")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessageStartingWith("Web addresses with a user name or password");
    assertThat(hits).isEmpty();
  }

  @Test
  void explainsUnknownHost() {
    assertThatThrownBy(() -> fetcher.fetch(URI.create("https://example.invalid/page")))
        .isInstanceOf(ContentRejectedException.class)
        .hasMessage("No web server was found at example.invalid. Check the address.");
  }

  private HttpServer start() throws IOException {
    HttpServer started =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    started.setExecutor(threads);
    started.createContext("/", this::dispatch);
    started.start();
    return started;
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    userAgents.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
    try {
      routes
          .getOrDefault(path, ex -> respond(ex, 404, "text/html", "nothing here"))
          .answer(exchange);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private void page(String path, String html) {
    routes.put(path, ex -> respond(ex, 200, "text/html; charset=UTF-8", html));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  private static List<URI> urls(CrawlResult result) {
    return result.pages().stream().map(WebPage::url).toList();
  }
}
