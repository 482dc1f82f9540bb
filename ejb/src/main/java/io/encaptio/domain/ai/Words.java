package io.encaptio.domain.ai;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content words of a text as the answer pipeline compares them: lower case, letters and digits
 * only, English stop words out, a light suffix stripping so that "bedrooms" meets "bedroom" and
 * "included" meets "includes". Not a linguistic stemmer: only sentences and questions are compared
 * with it, never indexed.
 */
public final class Words {

  private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final Set<String> STOP =
      Set.of(
          "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as",
          "at", "be", "been", "before", "being", "below", "between", "both", "but", "by", "can",
          "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
          "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
          "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most",
          "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
          "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
          "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
          "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
          "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
          "you", "your", "yours", "tell", "please", "know", "want", "like", "get", "much", "many",
          "also", "may", "might", "must", "shall", "let", "us");

  private Words() {}

  public static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    for (String token : SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
      if (token.isEmpty() || STOP.contains(token)) {
        continue;
      }
      if (token.length() < 2 && !Character.isDigit(token.charAt(0))) {
        continue;
      }
      words.add(stem(token));
    }
    return words;
  }

  /**
   * Strips one common ending, the same way on both sides of a comparison: "faces" and "face" both
   * become "fac", "included", "includes" and "include" "includ", "smoking" and "smoke" "smok".
   */
  static String stem(String word) {
    if (word.length() <= 3 || Character.isDigit(word.charAt(0))) {
      return word;
    }
    if ((word.endsWith("ies") || word.endsWith("ied")) && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    for (String suffix : new String[] {"ing", "ed", "es", "s", "e"}) {
      if (word.endsWith(suffix)
          && word.length() - suffix.length() >= 3
          && !(suffix.equals("s") && word.endsWith("ss"))) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }

  /** Shared words over all words of the two (Jaccard): 1 for the same words, 0 for none shared. */
  public static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** Share of {@code wanted} found in {@code words}: 0 (none) to 1 (all). */
  public static double coverage(Set<String> wanted, Set<String> words) {
    if (wanted.isEmpty()) {
      return 0;
    }
    long found = wanted.stream().filter(words::contains).count();
    return (double) found / wanted.size();
  }
}
