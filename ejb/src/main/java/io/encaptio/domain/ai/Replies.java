package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.CapsuleSettings;
import java.util.Locale;

/**
 * What the assistant says to messages that are not questions: a greeting gets the capsule's
 * welcome, small talk a short reply that invites a question, and out-of-scope requests a polite
 * refusal naming what it can do. No retrieval, no model.
 */
public final class Replies {

  private Replies() {}

  public static String to(
      Intent intent, String message, String capsuleName, CapsuleSettings settings) {
    return switch (intent) {
      case GREETING ->
          settings.welcomeMessage() == null || settings.welcomeMessage().isBlank()
              ? "Hello! Ask me anything about " + capsuleName + "."
              : settings.welcomeMessage().strip();
      case SMALL_TALK -> smallTalk(message, capsuleName);
      case OUT_OF_SCOPE ->
          "I can only answer questions about "
              + capsuleName
              + " from its content. What would you like to know about it?";
      case QUESTION -> throw new IllegalArgumentException("questions are answered, not replied to");
    };
  }

  private static String smallTalk(String message, String capsuleName) {
    String text = message.toLowerCase(Locale.ROOT);
    if (text.matches(".*\\b(bye|goodbye|see you|tsch[uü]ss)\\b.*")) {
      return "Goodbye! Come back any time with questions about " + capsuleName + ".";
    }
    if (text.matches(".*\\b(thank|thanks|thx|ty|cheers|danke|merci|gracias|grazie|obrigad).*")) {
      return "You're welcome! Is there anything else you'd like to know about " + capsuleName + "?";
    }
    return "I'm the assistant of "
        + capsuleName
        + " and answer questions from its content, with the sources. What would you like to know?";
  }
}
