package io.encaptio.domain.ai;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences of a passage: each line (list items and table rows stand alone) split at sentence ends,
 * list markers dropped.
 */
public final class Sentences {

  private Sentences() {}

  public static List<String> of(String text) {
    List<String> sentences = new ArrayList<>();
    if (text == null) {
      return sentences;
    }
    for (String line : text.split("\\R")) {
      String clean = line.replaceFirst("^\\s*(?:[-*•]|\\d+[.)])\\s+", "").strip();
      if (clean.isEmpty()) {
        continue;
      }
      BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      boundaries.setText(clean);
      int start = boundaries.first();
      for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
        String sentence = clean.substring(start, end).strip();
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
        start = end;
      }
    }
    return sentences;
  }
}
