package io.encaptio.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.domain.notification.NotificationTexts.Text;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the hooks are sent, and what a failure says of their secret address. */
class HttpHookSenderTest {

  private static final Text LEAD =
      new Text(
          "New lead on Loft",
          "A visitor left their contact details.",
          Map.of("Name", "[Verify your account](https://evil.example) <!channel> *now*"));

  @Test
  void slackGetsVisitorsWordsEscapedSoTheyMentionAndLinkNothing() {
    JsonObject slack = HttpHookSender.slack(LEAD, "https://app.example/app/inbox.xhtml", "Open");
    assertThat(slack.toString())
        .contains("&lt;!channel&gt;")
        .doesNotContain("<!channel>")
        .contains("\"url\":\"https://app.example/app/inbox.xhtml\"");
  }

  @Test
  void teamsGetsMarkdownEscapedSoAVisitorsLinkIsText() {
    JsonObject teams = HttpHookSender.teams(LEAD, "https://app.example/app/inbox.xhtml", "Open");
    String fact =
        teams
            .getJsonArray("attachments")
            .getJsonObject(0)
            .getJsonObject("content")
            .getJsonArray("body")
            .getJsonObject(2)
            .getJsonArray("facts")
            .getJsonObject(0)
            .getString("value");
    assertThat(fact)
        .isEqualTo("\\[Verify your account\\](https://evil.example) <!channel> \\*now\\*");
  }

  @Test
  void aFailureNamesTheHooksHostNeverItsAddress() {
    String url = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";
    String message =
        "The page at " + url + " could not be read (Connection reset). Try again later.";
    assertThat(HttpHookSender.redacted(message, url))
        .doesNotContain("secret")
        .contains("https://hooks.slack.com/\u2026");
  }
}
