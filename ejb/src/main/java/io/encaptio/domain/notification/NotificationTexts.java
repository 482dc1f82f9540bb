package io.encaptio.domain.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notification says, in English, German, French or Spanish (the widget's languages), from
 * the templates in {@code notifications*.properties}. Facts that came from visitors (a lead's name,
 * a question) are cut to one line of at most {@value #MAX_FACT} characters; the channels escape
 * them for their own markup.
 */
public final class NotificationTexts {

  /** The languages notifications are written in; the first is the default. */
  public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

  /** The longest fact shown. */
  public static final int MAX_FACT = 300;

  /** The facts shown labelled, in this order, by kind: a lead's details, a week's figures. */
  private static final Map<NotificationKind, List<String>> FACTS =
      Map.of(
          NotificationKind.LEAD_CAPTURED,
          List.of("name", "email", "phone", "company", "message"),
          NotificationKind.WEEKLY_SUMMARY,
          List.of("conversations", "visitors", "answered", "leads"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  /**
   * @param facts labelled facts (a lead's details, a week's figures), in order
   */
  public record Text(String title, String text, Map<String, String> facts) {}

  private NotificationTexts() {}

  /** The language if it is one of {@link #LANGUAGES}, English otherwise. */
  public static String language(String language) {
    return language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
  }

  public static Text of(Notification notification, String language) {
    ResourceBundle bundle = bundle(language);
    String kind = notification.kind().key();
    Map<String, String> params = notification.params();
    Map<String, String> facts = new LinkedHashMap<>();
    for (String fact : FACTS.getOrDefault(notification.kind(), List.of())) {
      String value = clean(params.get(fact));
      if (!value.isEmpty()) {
        facts.put(bundle.getString("fact." + fact), value);
      }
    }
    return new Text(
        fill(bundle.getString(kind + ".title"), params),
        fill(bundle.getString(kind + ".text"), params),
        facts);
  }

  /** What a kind is called: "New lead". */
  public static String name(NotificationKind kind, String language) {
    return bundle(language).getString(kind.key() + ".name");
  }

  /** The subject of a mail that gathers several notifications of one kind. */
  public static String digest(NotificationKind kind, int count, String language) {
    return fill(bundle(language).getString(kind.key() + ".digest"), Map.of("count", "" + count));
  }

  /** "Open in Encaptio". */
  public static String open(String language) {
    return bundle(language).getString("open");
  }

  /** Why the mail came and where to change that. */
  public static String footer(String language, String settingsLink) {
    return fill(bundle(language).getString("footer"), Map.of("link", settingsLink));
  }

  /** One line of at most {@link #MAX_FACT} characters, without control characters. */
  public static String clean(String value) {
    if (value == null) {
      return "";
    }
    String line = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return line.length() <= MAX_FACT ? line : line.substring(0, MAX_FACT - 1) + "\u2026";
  }

  private static String fill(String template, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(clean(params.get(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        "io.encaptio.domain.notification.notifications",
        Locale.forLanguageTag(language(language)),
        NotificationTexts.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
