package io.encaptio.infrastructure.web;

import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.notification.Channel;
import io.encaptio.domain.notification.HookFailedException;
import io.encaptio.domain.notification.HookSender;
import io.encaptio.domain.notification.NotificationTexts.Text;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slack and Microsoft Teams incoming webhooks, through the same guard as fetched web pages (the
 * address is checked when the hook is added and again at every connect, redirects are not
 * followed); an error names the hook's host, never its whole address. Slack gets a Block Kit
 * message (header, text, the facts as fields, a button); Teams gets a {@code message} with an
 * Adaptive Card attachment (Markdown characters escaped), the format of a Teams Workflows "post to
 * a channel when a webhook request is received" flow. A 2xx answer is taken; 408, 429 and 5xx are
 * worth another try, any other answer is not (the hook is gone, revoked or refuses the format).
 */
@ApplicationScoped
public class HttpHookSender implements HookSender {

  /** The most of a hook's answer kept in the delivery log. */
  private static final int ANSWER_BYTES = 300;

  private static final int MAX_URL = 2000;

  /** Slack shows at most ten fields in a section. */
  private static final int SLACK_FIELDS = 10;

  @Inject
  @ConfigProperty(name = "encaptio.fetch.allow-loopback", defaultValue = "false")
  boolean allowLoopback;

  @Inject
  @ConfigProperty(name = "encaptio.notifications.hook.timeout.seconds", defaultValue = "10")
  int timeoutSeconds;

  private volatile GuardedClient client;

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Override
  public Optional<String> refusal(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("Paste the hook's address (https://...).");
    }
    if (url.length() > MAX_URL) {
      return Optional.of("The address is longer than " + MAX_URL + " characters.");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("'" + url.strip() + "' is not a web address: " + e.getReason() + ".");
    }
    String host = uri.getHost();
    if (host == null || uri.getScheme() == null) {
      return Optional.of("The address needs https:// and a host name.");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("The address must not carry a user name or password before its host.");
    }
    String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    AddressGuard guard = new AddressGuard(allowLoopback);
    boolean loopbackForTests;
    try {
      guard.resolve(bare);
      loopbackForTests = allowLoopback && InetAddress.getByName(bare).isLoopbackAddress();
    } catch (AddressGuard.RefusedAddressException refused) {
      return Optional.of(
          refused.getMessage()
              + ": Encaptio does not post into private networks. Give the hook's public address.");
    } catch (UnknownHostException unknown) {
      return Optional.of("The host " + bare + " can't be resolved; check the address.");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && loopbackForTests)) {
      return Optional.of("Hooks are called over https only: the address must start with https://.");
    }
    return Optional.empty();
  }

  @Override
  public String post(Channel channel, String url, Text text, String link, String open) {
    JsonObject message =
        switch (channel) {
          case SLACK -> slack(text, link, open);
          case TEAMS -> teams(text, link, open);
          default -> throw new IllegalArgumentException(channel + " is not a hook");
        };
    GuardedClient.Posted answer;
    try {
      answer =
          client()
              .post(
                  URI.create(url),
                  ContentType.APPLICATION_JSON,
                  message.toString().getBytes(StandardCharsets.UTF_8),
                  ANSWER_BYTES,
                  Instant.now().plusSeconds(timeoutSeconds));
    } catch (ContentRejectedException e) {
      boolean privateAddress = e.getMessage().contains("private or local network");
      throw new HookFailedException(
          "No answer from the hook: " + redacted(e.getMessage(), url), !privateAddress);
    }
    String said =
        answer.status()
            + " "
            + answer.reason()
            + (answer.body().isBlank() ? "" : ": " + answer.body().strip());
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return said;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new HookFailedException(
        "The hook answered "
            + said
            + (answer.retryAfter() != null ? " (Retry-After: " + answer.retryAfter() + ")" : ""),
        retryable);
  }

  /**
   * The message with the hook's address (a secret: whoever has it posts into the channel) cut down
   * to its host, for the delivery log and the server's log.
   */
  static String redacted(String message, String url) {
    URI uri = URI.create(url);
    String host = uri.getScheme() + "://" + uri.getHost() + "/\u2026";
    String redacted = message.replace(url, host);
    String path = uri.getRawPath();
    return path == null || path.length() < 2 ? redacted : redacted.replace(path, "/\u2026");
  }

  private GuardedClient client() {
    GuardedClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client = new GuardedClient(allowLoopback, timeoutSeconds);
        }
        current = client;
      }
    }
    return current;
  }

  /** Block Kit; visitors' words escaped as Slack asks (&, <, >), so they cannot mention or link. */
  static JsonObject slack(Text text, String link, String open) {
    JsonArrayBuilder blocks = Json.createArrayBuilder();
    blocks.add(
        Json.createObjectBuilder()
            .add("type", "header")
            .add("text", plain(cut(text.title(), 150))));
    blocks.add(
        Json.createObjectBuilder()
            .add("type", "section")
            .add("text", mrkdwn(slackEscape(text.text()))));
    if (!text.facts().isEmpty()) {
      JsonArrayBuilder fields = Json.createArrayBuilder();
      text.facts().entrySet().stream()
          .limit(SLACK_FIELDS)
          .forEach(
              f ->
                  fields.add(
                      mrkdwn("*" + slackEscape(f.getKey()) + "*\n" + slackEscape(f.getValue()))));
      blocks.add(Json.createObjectBuilder().add("type", "section").add("fields", fields));
    }
    blocks.add(
        Json.createObjectBuilder()
            .add("type", "actions")
            .add(
                "elements",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "button")
                            .add("text", plain(open))
                            .add("url", link))));
    return Json.createObjectBuilder()
        .add("text", slackEscape(text.title()))
        .add("blocks", blocks)
        .build();
  }

  /** A message with one Adaptive Card (schema 1.4): title, text, the facts, an open button. */
  static JsonObject teams(Text text, String link, String open) {
    JsonArrayBuilder body =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("type", "TextBlock")
                    .add("text", teamsEscape(text.title()))
                    .add("weight", "Bolder")
                    .add("size", "Medium")
                    .add("wrap", true))
            .add(
                Json.createObjectBuilder()
                    .add("type", "TextBlock")
                    .add("text", teamsEscape(text.text()))
                    .add("wrap", true));
    if (!text.facts().isEmpty()) {
      JsonArrayBuilder facts = Json.createArrayBuilder();
      for (Map.Entry<String, String> fact : text.facts().entrySet()) {
        facts.add(
            Json.createObjectBuilder()
                .add("title", fact.getKey())
                .add("value", teamsEscape(fact.getValue())));
      }
      body.add(Json.createObjectBuilder().add("type", "FactSet").add("facts", facts));
    }
    JsonObjectBuilder card =
        Json.createObjectBuilder()
            .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
            .add("type", "AdaptiveCard")
            .add("version", "1.4")
            .add("body", body)
            .add(
                "actions",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "Action.OpenUrl")
                            .add("title", open)
                            .add("url", link)));
    return Json.createObjectBuilder()
        .add("type", "message")
        .add(
            "attachments",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("contentType", "application/vnd.microsoft.card.adaptive")
                        .addNull("contentUrl")
                        .add("content", card)))
        .build();
  }

  private static JsonObjectBuilder plain(String text) {
    return Json.createObjectBuilder().add("type", "plain_text").add("text", text);
  }

  private static JsonObjectBuilder mrkdwn(String text) {
    return Json.createObjectBuilder().add("type", "mrkdwn").add("text", text);
  }

  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Adaptive Cards read Markdown in text and fact values: visitors' words get a backslash before
   * the characters of links, emphasis and code, so "[Verify](https://...)" stays text, never a
   * link.
   */
  static String teamsEscape(String text) {
    return text.replaceAll("([\\\\`*_~\\[\\]])", "\\\\$1");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
  }
}
