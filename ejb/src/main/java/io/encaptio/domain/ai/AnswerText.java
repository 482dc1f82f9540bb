package io.encaptio.domain.ai;

import java.io.Serializable;
import java.util.List;

/**
 * An answer's text with its numbered citations ("[1]" in the text is {@code citations} number 1).
 */
public record AnswerText(String text, List<Citation> citations) implements Serializable {

  public AnswerText {
    citations = List.copyOf(citations);
  }

  public static AnswerText plain(String text) {
    return new AnswerText(text, List.of());
  }
}
