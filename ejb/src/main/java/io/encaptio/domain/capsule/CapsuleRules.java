package io.encaptio.domain.capsule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a capsule must satisfy: a usable name always, and more before visitors may see it. */
final class CapsuleRules {

  static final int MAX_SUGGESTED_QUESTIONS = 6;
  static final int MAX_TEXT = 4_000;
  static final Set<String> ANSWER_LENGTHS = Set.of("short", "medium", "long");

  private CapsuleRules() {}

  /** The name, trimmed; refused when blank or longer than the limit. */
  static String name(String name) {
    Map<String, String> problems = new LinkedHashMap<>();
    checkName(name, problems);
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    return name.strip();
  }

  private static void checkName(String name, Map<String, String> problems) {
    if (name == null || name.isBlank()) {
      problems.put("name", "Give the capsule a name.");
    } else if (name.strip().length() > Capsule.MAX_NAME) {
      problems.put("name", "Shorten the name to " + Capsule.MAX_NAME + " characters or fewer.");
    }
  }

  /** Everything that keeps the draft from being published, all at once. */
  static void checkPublishable(String name, CapsuleSettings settings, int contentItems) {
    Map<String, String> problems = new LinkedHashMap<>();
    checkName(name, problems);
    if (contentItems == 0) {
      problems.put("content", "Add content first: the assistant answers only from it.");
    }
    if (blank(settings.welcomeMessage())) {
      problems.put("welcomeMessage", "Write the welcome message visitors see first.");
    }
    if (blank(settings.noAnswerText())) {
      problems.put("noAnswerText", "Write what the assistant says when the content has no answer.");
    }
    for (String field : List.of("persona", "instructions", "welcomeMessage", "noAnswerText")) {
      String value = text(settings, field);
      if (value != null && value.length() > MAX_TEXT) {
        problems.put(field, "Shorten the " + field + " to " + MAX_TEXT + " characters or fewer.");
      }
    }
    if (!ANSWER_LENGTHS.contains(settings.answerLength())) {
      problems.put("answerLength", "Choose short, medium or long answers.");
    }
    List<String> questions = settings.suggestedQuestions();
    if (questions.size() > MAX_SUGGESTED_QUESTIONS) {
      problems.put(
          "suggestedQuestions",
          "Keep at most " + MAX_SUGGESTED_QUESTIONS + " suggested questions.");
    }
    for (int i = 0; i < questions.size(); i++) {
      if (blank(questions.get(i)) || questions.get(i).length() > 200) {
        problems.put(
            "suggestedQuestions[" + i + "]",
            "Write suggested question " + (i + 1) + " (up to 200 characters).");
      }
    }
    List<ActionButton> actions = settings.actions();
    for (int i = 0; i < actions.size(); i++) {
      ActionButton action = actions.get(i);
      if (blank(action.label())) {
        problems.put("actions[" + i + "].label", "Give action button " + (i + 1) + " a label.");
      }
      if (!webAddress(action.url())) {
        problems.put(
            "actions[" + i + "].url",
            "Action button "
                + (i + 1)
                + " needs a full web address starting with https:// (or http://).");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
  }

  private static String text(CapsuleSettings settings, String field) {
    return switch (field) {
      case "persona" -> settings.persona();
      case "instructions" -> settings.instructions();
      case "welcomeMessage" -> settings.welcomeMessage();
      default -> settings.noAnswerText();
    };
  }

  static boolean webAddress(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url.strip());
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
