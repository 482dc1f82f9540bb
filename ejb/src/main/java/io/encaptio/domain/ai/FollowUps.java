package io.encaptio.domain.ai;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a follow-up ("and how much is it?", "what about parking?") into a question that stands on
 * its own, using the conversation's earlier questions, so retrieval finds what the visitor means. A
 * follow-up opens with a continuation ("and", "what about") or leans on a pronoun with few words of
 * its own; it is searched together with the question it follows. A question that names its own
 * subject is left as it is.
 */
public final class FollowUps {

  private static final Pattern CONTINUATION =
      Pattern.compile(
          "^(and|but|also|so|then|what about|how about|and what about|what if|same for|or)\\b.*",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> PRONOUNS =
      Set.of(
          "it", "its", "it's", "they", "them", "their", "this", "that", "these", "those", "he",
          "she", "his", "her", "there", "one", "ones", "same");

  /** Content words a question needs to name its own subject. */
  private static final int OWN_SUBJECT_WORDS = 4;

  private FollowUps() {}

  /**
   * @param earlier the conversation's earlier questions as retrieval read them, oldest first
   */
  public static String standalone(String question, List<String> earlier) {
    if (earlier.isEmpty() || !isFollowUp(question)) {
      return question;
    }
    return question + " (follow-up to: " + earlier.get(earlier.size() - 1) + ")";
  }

  static boolean isFollowUp(String question) {
    if (CONTINUATION.matcher(question.strip()).matches()) {
      return true;
    }
    boolean pronoun = false;
    for (String token : question.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      pronoun |= PRONOUNS.contains(token);
    }
    return pronoun && Words.of(question).size() < OWN_SUBJECT_WORDS;
  }
}
