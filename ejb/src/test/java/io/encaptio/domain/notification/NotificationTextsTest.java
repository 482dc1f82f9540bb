package io.encaptio.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

  private static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        NotificationTexts.class.getResourceAsStream("notifications" + suffix + ".properties")) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void everyLanguageSaysEverythingEnglishSaysWithTheSamePlaceholders() throws IOException {
    Properties english = bundle("");
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(english).containsKeys(kind.key() + ".name", kind.key() + ".title");
    }
    for (String language : NotificationTexts.LANGUAGES.subList(1, 4)) {
      Properties other = bundle("_" + language);
      assertThat(other.keySet()).as(language).isEqualTo(english.keySet());
      for (String key : english.stringPropertyNames()) {
        assertThat(placeholders(other.getProperty(key)))
            .as(language + " " + key)
            .isEqualTo(placeholders(english.getProperty(key)));
      }
    }
  }

  private static java.util.Set<String> placeholders(String text) {
    java.util.Set<String> found = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-z]+)}").matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void aLeadReadsInThePersonsLanguageWithItsDetailsOnOneLineEach() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("capsule", "Loft");
    params.put("name", "Ada\r\nBcc: evil@example.com");
    params.put("email", "ada@example.com");
    params.put("message", "x".repeat(500));
    Notification lead =
        new Notification(
            UUID.randomUUID(), NotificationKind.LEAD_CAPTURED, null, params, OffsetDateTime.now());

    NotificationTexts.Text german = NotificationTexts.of(lead, "de");
    assertThat(german.title()).isEqualTo("Neuer Lead in Loft");
    assertThat(german.facts()).containsKeys("Name", "E-Mail", "Nachricht");
    assertThat(german.facts().get("Name")).isEqualTo("Ada Bcc: evil@example.com");
    assertThat(german.facts().get("Nachricht"))
        .hasSize(NotificationTexts.MAX_FACT)
        .endsWith("\u2026");
    assertThat(NotificationTexts.of(lead, "xx").title())
        .as("an unknown language reads English")
        .isEqualTo("New lead on Loft");
    assertThat(NotificationTexts.digest(NotificationKind.LEAD_CAPTURED, 3, "fr"))
        .isEqualTo("3 nouveaux prospects");
  }

  @Test
  void aPersonsOwnChoiceBeatsTheOrganizationsWhichBeatsTheBuiltInDefault() {
    Map<NotificationKind, Map<Channel, Boolean>> none = Map.of();
    assertThat(Preferences.wants(none, none, NotificationKind.LEAD_CAPTURED, Channel.EMAIL))
        .isTrue();
    assertThat(Preferences.wants(none, none, NotificationKind.GAP_NEW, Channel.EMAIL)).isFalse();
    Map<NotificationKind, Map<Channel, Boolean>> organization =
        Map.of(NotificationKind.GAP_NEW, Map.of(Channel.EMAIL, true));
    assertThat(Preferences.wants(none, organization, NotificationKind.GAP_NEW, Channel.EMAIL))
        .isTrue();
    Map<NotificationKind, Map<Channel, Boolean>> own =
        Map.of(NotificationKind.GAP_NEW, Map.of(Channel.EMAIL, false));
    assertThat(Preferences.wants(own, organization, NotificationKind.GAP_NEW, Channel.EMAIL))
        .isFalse();
    assertThat(Preferences.wants(own, organization, NotificationKind.GAP_NEW, Channel.IN_APP))
        .as("a channel the person did not choose follows the default")
        .isTrue();
  }
}
