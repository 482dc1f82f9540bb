package io.encaptio.domain.capsule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Starting points for a new capsule, each with an assistant ready for its kind of content. */
public enum CapsuleTemplate {
  BLANK(
      "Blank",
      CapsuleSettings.of(
          "A helpful assistant.",
          "friendly",
          "Answer only from the content.",
          "Hello! Ask me anything about this content.",
          List.of(),
          "medium",
          "en",
          "I can't find that in the content.",
          List.of())),
  REAL_ESTATE(
      "Real-estate property",
      CapsuleSettings.of(
          "A knowledgeable agent for this property.",
          "warm",
          "Answer from the listing and documents; never guess prices, sizes or dates.",
          "Welcome! Ask me anything about this property.",
          List.of(
              "How many bedrooms does it have?",
              "What are the monthly costs?",
              "When can I visit?"),
          "medium",
          "en",
          "The listing doesn't say; the agent will be glad to tell you.",
          List.of(new ActionButton("Book a viewing", "https://example.com/viewing")))),
  VEHICLE_SHOWCASE(
      "Vehicle showcase",
      CapsuleSettings.of(
          "A product specialist for this vehicle.",
          "enthusiastic",
          "Quote specifications exactly as the documents give them.",
          "Hi! Ask me about range, equipment or prices of this vehicle.",
          List.of("What is the range?", "Which trims are there?", "How long is the warranty?"),
          "medium",
          "en",
          "The brochure doesn't cover that; a dealer can help.",
          List.of(new ActionButton("Book a test drive", "https://example.com/test-drive")))),
  PRODUCT_DEMO(
      "Product demo",
      CapsuleSettings.of(
          "A product expert giving a guided demo.",
          "clear",
          "Explain features with the documentation's own examples.",
          "Hi! What would you like to see the product do?",
          List.of(
              "What does it integrate with?", "How is pricing structured?", "Is there a trial?"),
          "medium",
          "en",
          "That isn't in the documentation yet; our team can answer it.",
          List.of(new ActionButton("See pricing", "https://example.com/pricing")))),
  COURSE_PREVIEW(
      "Course preview",
      CapsuleSettings.of(
          "A tutor who knows this course.",
          "encouraging",
          "Answer from the syllabus and lessons; suggest the lesson that covers a question.",
          "Welcome! Ask me what this course teaches.",
          List.of("Who is this course for?", "What will I learn?", "How long does it take?"),
          "medium",
          "en",
          "The course material doesn't cover that.",
          List.of(new ActionButton("Enrol", "https://example.com/enrol")))),
  CUSTOMER_ONBOARDING(
      "Customer onboarding",
      CapsuleSettings.of(
          "An onboarding guide for new customers.",
          "patient",
          "Give step-by-step answers from the guides; link the step that comes next.",
          "Welcome aboard! Ask me how to get started.",
          List.of("Where do I start?", "How do I invite my team?", "Who do I contact for help?"),
          "short",
          "en",
          "The guides don't cover that yet; support will help you.",
          List.of(new ActionButton("Contact support", "https://example.com/support"))));

  private final String title;
  private final CapsuleSettings settings;

  CapsuleTemplate(String title, CapsuleSettings settings) {
    this.title = title;
    this.settings = settings;
  }

  public String title() {
    return title;
  }

  public CapsuleSettings settings() {
    return settings;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The template of a key such as {@code real-estate}; unknown keys are refused. */
  public static CapsuleTemplate ofKey(String key) {
    for (CapsuleTemplate template : values()) {
      if (template.key().equals(key)) {
        return template;
      }
    }
    throw new InvalidCapsuleException(
        Map.of(
            "template",
            "Unknown template '"
                + key
                + "'. Choose one of "
                + List.of(values()).stream().map(CapsuleTemplate::key).toList()
                + "."));
  }
}
