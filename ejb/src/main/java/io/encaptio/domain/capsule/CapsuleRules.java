package io.encaptio.domain.capsule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    checkBrand(settings.brand(), problems);
    checkLeadForm(settings.leadForm(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
  }

  /** Colours visitors can read (WCAG AA: 4.5:1 for text on the main colour) and known choices. */
  private static void checkBrand(Brand brand, Map<String, String> problems) {
    if (!brand.colorIsValid()) {
      problems.put("brand.primaryColor", "Write the main colour as #rrggbb, for example #1f5fbf.");
    } else if (brand.bestTextContrast() < 4.5) {
      problems.put(
          "brand.primaryColor",
          String.format(
              Locale.ROOT,
              "Text on %s reads at %.1f:1 at best; choose a darker or lighter colour (at least"
                  + " 4.5:1, so every visitor can read the buttons).",
              brand.primaryColor(),
              brand.bestTextContrast()));
    }
    if (!Brand.FONTS.contains(brand.font())) {
      problems.put(
          "brand.font", "Choose one of the fonts: " + String.join(", ", Brand.FONTS) + ".");
    }
    if (!Brand.THEMES.contains(brand.theme())) {
      problems.put("brand.theme", "Choose light, dark or auto (the visitor's setting).");
    }
    if (!Brand.POSITIONS.contains(brand.launcherPosition())) {
      problems.put("brand.launcherPosition", "Put the launcher bottom-right or bottom-left.");
    }
  }

  /** An enabled form asks for a way to reach the visitor and says what they agree to. */
  private static void checkLeadForm(LeadForm form, Map<String, String> problems) {
    if (!form.enabled()) {
      return;
    }
    if (blank(form.title()) || form.title().length() > 120) {
      problems.put("leadForm.title", "Give the lead form a title of up to 120 characters.");
    }
    if (!LeadForm.FIELDS.containsAll(form.fields())) {
      problems.put(
          "leadForm.fields",
          "The lead form's fields are chosen from " + String.join(", ", LeadForm.FIELDS) + ".");
    } else if (!form.fields().contains("email") && !form.fields().contains("phone")) {
      problems.put(
          "leadForm.fields", "Ask for an email address or a phone number, so you can reply.");
    }
    if (!form.fields().containsAll(form.required())) {
      problems.put("leadForm.required", "Only fields the form asks for can be required.");
    }
    if (blank(form.consent()) || form.consent().length() > 500) {
      problems.put(
          "leadForm.consent",
          "Write what visitors agree to when they send the form (up to 500 characters).");
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
