package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One GET at a time through an HTTP client that connects only where {@link AddressGuard} allows,
 * never follows redirects itself (the caller checks each hop), and reads at most a given number of
 * bytes before a deadline. Failures come back as {@link ContentRejectedException}s that say what
 * happened in words a person can act on.
 */
final class GuardedClient implements AutoCloseable {

  static final String USER_AGENT = "EncaptioBot/1.0 (+https://encaptio.io/bot)";

  /** What to do with a body longer than the limit. */
  enum Overflow {
    /** Refuse the page: half a page would be indexed as if it were all of it. */
    REFUSE,
    /** Keep the first bytes, as crawlers do with an over-long robots.txt. */
    TRUNCATE
  }

  private final CloseableHttpClient client;
  private final int timeoutSeconds;

  /**
   * @param allowLoopback whether this machine may be connected to: only for tests
   * @param timeoutSeconds the most one connect, or one wait for bytes, may take
   */
  GuardedClient(boolean allowLoopback, int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
    Timeout timeout = Timeout.ofSeconds(timeoutSeconds);
    // No proxy (the builder uses none unless told): through a proxy, the proxy would resolve the
    // page's host and the guard would only ever see the proxy's address.
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new AddressGuard(allowLoopback))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(USER_AGENT)
            .build();
  }

  /**
   * GETs the address. Every exit that leaves part of the body unread cancels the request first,
   * which drops the connection; otherwise closing the response would read the rest of the body (all
   * of it, however large) to keep the connection for reuse.
   *
   * @throws ContentRejectedException when no answer came, or the body is over {@code maxBytes} and
   *     {@code overflow} is REFUSE
   */
  PageResponse get(URI url, long maxBytes, Overflow overflow, Instant deadline) {
    HttpGet request = within(new HttpGet(url), url, deadline);
    request.setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    ClassicHttpResponse response = null;
    boolean readToEnd = false;
    try {
      response = client.executeOpen(null, request, null);
      int status = response.getCode();
      String reason = reason(status, response.getReasonPhrase());
      String location = value(response.getFirstHeader("Location"));
      String contentType = value(response.getFirstHeader("Content-Type"));
      byte[] body = null;
      if (status >= 200 && status < 300) {
        Body read = read(response.getEntity(), url, maxBytes, overflow, deadline);
        body = read.bytes();
        readToEnd = read.complete();
      }
      return new PageResponse(
          url, status, reason, location, mediaType(contentType), charset(contentType), body);
    } catch (IOException e) {
      throw explain(e, url);
    } finally {
      release(request, response, readToEnd);
    }
  }

  /**
   * The answer to a POST: its status and reason, its {@code Retry-After}, and the first bytes of
   * its body (decoded as UTF-8).
   */
  record Posted(int status, String reason, String retryAfter, String body) {}

  /**
   * POSTs the body, reads at most {@code maxAnswerBytes} of the answer and drops the rest with the
   * connection.
   *
   * @throws ContentRejectedException when no answer came (refused address, unknown host, timeout)
   */
  Posted post(URI url, ContentType type, byte[] body, int maxAnswerBytes, Instant deadline) {
    HttpPost request = within(new HttpPost(url), url, deadline);
    request.setEntity(new ByteArrayEntity(body, type));
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(null, request, null);
      int status = response.getCode();
      byte[] answer = new byte[0];
      if (response.getEntity() != null) {
        answer = response.getEntity().getContent().readNBytes(maxAnswerBytes);
      }
      return new Posted(
          status,
          reason(status, response.getReasonPhrase()),
          value(response.getFirstHeader("Retry-After")),
          new String(answer, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw explain(e, url);
    } finally {
      release(request, response, false);
    }
  }

  /** The request, waiting for a connection and for the answer no longer than the deadline. */
  private <R extends HttpUriRequestBase> R within(R request, URI url, Instant deadline) {
    Timeout remaining = remaining(url, deadline);
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(remaining)
            .setResponseTimeout(remaining)
            .build());
    return request;
  }

  private Timeout remaining(URI url, Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw timedOut(url);
    }
    return Timeout.ofMilliseconds(Math.max(1, left.toMillis()));
  }

  private record Body(byte[] bytes, boolean complete) {}

  private Body read(HttpEntity entity, URI url, long maxBytes, Overflow overflow, Instant deadline)
      throws IOException {
    if (entity == null) {
      return new Body(new byte[0], true);
    }
    if (overflow == Overflow.REFUSE && entity.getContentLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    long limit = overflow == Overflow.REFUSE ? maxBytes + 1 : maxBytes;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    InputStream in = entity.getContent();
    int n = 0;
    while (out.size() < limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) >= 0) {
      out.write(buffer, 0, n);
      remaining(url, deadline); // a server that drips bytes must not hold the fetch forever
    }
    if (out.size() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return new Body(out.toByteArray(), n < 0);
  }

  private static void release(
      HttpUriRequestBase request, ClassicHttpResponse response, boolean readToEnd) {
    if (!readToEnd) {
      request.cancel();
    }
    if (response != null) {
      try {
        response.close();
      } catch (IOException e) {
        // Expected after cancel(): the connection is gone, and with it anything left to release.
      }
    }
  }

  private ContentRejectedException explain(IOException e, URI url) {
    String host = url.getHost();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof AddressGuard.RefusedAddressException) {
        return new ContentRejectedException(
            "The address "
                + host
                + " points to a private or local network address, which Encaptio does not fetch."
                + " Give the address of a public web page.",
            e);
      }
    }
    if (e instanceof UnknownHostException) {
      return new ContentRejectedException(
          "No web server was found at " + host + ". Check the address.", e);
    }
    if (e instanceof InterruptedIOException) {
      return timedOut(url);
    }
    if (e instanceof ConnectException) {
      return new ContentRejectedException(
          "The web server at " + host + " refused the connection. Check the address.", e);
    }
    if (e instanceof SSLException) {
      return new ContentRejectedException(
          "No secure connection could be made to "
              + host
              + " ("
              + e.getMessage()
              + "). The site's certificate may be invalid or expired.",
          e);
    }
    return new ContentRejectedException(
        "The page at " + url + " could not be read (" + e.getMessage() + "). Try again later.", e);
  }

  private ContentRejectedException timedOut(URI url) {
    return new ContentRejectedException(
        "The page at "
            + url.getHost()
            + " did not answer within "
            + (timeoutSeconds == 1 ? "1 second" : timeoutSeconds + " seconds")
            + ". Try again later.");
  }

  private static ContentRejectedException tooLarge(long maxBytes) {
    return new ContentRejectedException(
        "The page is larger than "
            + size(maxBytes)
            + ", the most Encaptio reads from one web page. Save it and upload it as a file"
            + " instead.");
  }

  /** 5242880 as "5 MB", 1024 as "1 KB", anything uneven in bytes. */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return bytes / (1 << 20) + " MB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return bytes / (1 << 10) + " KB";
    }
    return bytes + " bytes";
  }

  private static String reason(int status, String phrase) {
    if (phrase != null && !phrase.isBlank()) {
      return phrase;
    }
    String known = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
    return known == null ? "no reason given" : known;
  }

  private static String value(Header header) {
    return header == null ? null : header.getValue();
  }

  private static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    return type.isEmpty() ? "application/octet-stream" : type.toLowerCase(Locale.ROOT);
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        return pair[1].trim().replace("\"", "");
      }
    }
    return null;
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
