package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an answer says only what its passages say: each sentence must have most of its
 * content words in the passages it cites (or, uncited, in one of the passages the answer was made
 * from, which it then cites). Unsupported sentences are left out; an answer left with none is no
 * answer. Citations are renumbered to the ones still used.
 */
public final class Grounding {

  /** Share of a sentence's content words its cited passages must contain. */
  static final double SUPPORT = 0.6;

  private static final Pattern MARKER = Pattern.compile("\\s*\\[(\\d+)]");

  /**
   * @param supported sentences kept, with their citations renumbered
   * @param unsupported sentences left out
   */
  public record Result(AnswerText supported, List<String> unsupported) {

    public boolean grounded() {
      return unsupported.isEmpty() && !supported.text().isEmpty();
    }

    public boolean empty() {
      return supported.text().isEmpty();
    }
  }

  private Grounding() {}

  /**
   * @param passages what the answer was made from; citation {@code n} is {@code passages[n - 1]}
   */
  public static Result check(String answer, List<Passage> passages) {
    return check(answer, passages, Words.ENGLISH);
  }

  /**
   * @param passages what the answer was made from; citation {@code n} is {@code passages[n - 1]}
   * @param language the words of the content's language
   */
  public static Result check(String answer, List<Passage> passages, Words language) {
    List<Set<String>> passageWords =
        passages.stream().map(p -> language.words(p.headingPath() + "\n" + p.text())).toList();
    Map<Integer, Integer> renumbered = new LinkedHashMap<>();
    Map<Integer, String> snippets = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    StringBuilder kept = new StringBuilder();
    for (String sentence : Sentences.of(answer, language.language())) {
      List<Integer> cited = new ArrayList<>();
      Matcher marker = MARKER.matcher(sentence);
      while (marker.find()) {
        int n = Integer.parseInt(marker.group(1));
        if (n >= 1 && n <= passages.size()) {
          cited.add(n);
        }
      }
      String plain = unmarked(sentence).strip();
      Set<String> words = language.words(plain);
      if (words.isEmpty()) {
        continue; // "Yes." and the like stand or fall with their neighbours
      }
      List<Integer> support = supporting(words, cited, passageWords);
      if (support.isEmpty()) {
        unsupported.add(plain);
        continue;
      }
      StringBuilder markers = new StringBuilder();
      for (int n : support) {
        int number = renumbered.computeIfAbsent(n, k -> renumbered.size() + 1);
        snippets.putIfAbsent(n, plain);
        markers.append(" [").append(number).append(']');
      }
      kept.append(kept.isEmpty() ? "" : " ").append(marked(plain, markers.toString()));
    }
    List<Citation> citations = new ArrayList<>();
    renumbered.forEach(
        (n, number) -> citations.add(Citation.of(number, passages.get(n - 1), snippets.get(n))));
    return new Result(new AnswerText(kept.toString(), citations), unsupported);
  }

  /** The cited passages that support the sentence together, or the best single other one. */
  private static List<Integer> supporting(
      Set<String> words, List<Integer> cited, List<Set<String>> passageWords) {
    if (!cited.isEmpty()) {
      Set<String> union = new HashSet<>();
      cited.forEach(n -> union.addAll(passageWords.get(n - 1)));
      if (Words.coverage(words, union) >= SUPPORT) {
        return cited;
      }
    }
    int best = -1;
    double bestCoverage = 0;
    for (int i = 0; i < passageWords.size(); i++) {
      double coverage = Words.coverage(words, passageWords.get(i));
      if (coverage > bestCoverage) {
        best = i;
        bestCoverage = coverage;
      }
    }
    return bestCoverage >= SUPPORT ? List.of(best + 1) : List.of();
  }

  /** The text without its citation markers: "Open at 9 [1]." becomes "Open at 9.". */
  public static String unmarked(String text) {
    return MARKER.matcher(text).replaceAll("");
  }

  /**
   * The sentence with citation markers before its closing punctuation: "Open at 9." and " [1]" make
   * "Open at 9 [1]."; a sentence ending in ":" or ";" (a list's lead-in) or in nothing ends with a
   * full stop.
   */
  static String marked(String sentence, String markers) {
    int end = sentence.length();
    while (end > 0 && ".!?:;".indexOf(sentence.charAt(end - 1)) >= 0) {
      end--;
    }
    String closing = sentence.substring(end);
    return sentence.substring(0, end)
        + markers
        + (closing.isEmpty() || closing.startsWith(":") || closing.startsWith(";") ? "." : closing);
  }
}
