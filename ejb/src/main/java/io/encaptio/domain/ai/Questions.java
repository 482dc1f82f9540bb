package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A visitor's question as the pipeline reads it: Unicode-normalised (NFKC, so full-width letters
 * and ligatures match the content), control characters out, white space collapsed. The cache key
 * also folds case and trailing punctuation so that "What is X?" and "what is x" are one question.
 */
public final class Questions {

  private Questions() {}

  /**
   * @throws InvalidCapsuleException for a blank question or one over {@code maxLength} characters
   */
  public static String checked(String question, int maxLength) {
    String normal = normalise(question);
    if (normal.isEmpty()) {
      throw new InvalidCapsuleException(Map.of("question", "Ask a question (it was empty)."));
    }
    if (normal.length() > maxLength) {
      throw new InvalidCapsuleException(
          Map.of(
              "question",
              "Questions are limited to "
                  + maxLength
                  + " characters; this one has "
                  + normal.length()
                  + ". Shorten it."));
    }
    return normal;
  }

  public static String normalise(String question) {
    if (question == null) {
      return "";
    }
    return Normalizer.normalize(question, Normalizer.Form.NFKC)
        .replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The form two questions share when they ask the same thing in other case or punctuation. */
  public static String key(String question) {
    return normalise(question).toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+$", "");
  }
}
