package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of the week a text speaks of, in English, German, French and Spanish: named days, ranges
 * ("Monday to Thursday", "Mo–Fr", "von Dienstag bis Sonntag", "du lundi au vendredi"), weekends,
 * weekdays and every day. "Closed at weekends" speaks of Saturday; "Monday to Thursday" of
 * Wednesday, not of Friday.
 */
final class Days {

  /** Each day's names and abbreviations, Monday (1) to Sunday (7). */
  private static final String[] NAMES = {
    "",
    "monday|mon|montag|mo|lundi|lun|lunes",
    "tuesday|tue|tues|dienstag|di|mardi|mar|martes",
    "wednesday|wed|mittwoch|mi|mercredi|mer|miércoles|miercoles",
    "thursday|thu|thur|thurs|donnerstag|do|jeudi|jeu|jueves",
    "friday|fri|freitag|fr|vendredi|ven|viernes",
    "saturday|sat|samstag|sonnabend|sa|samedi|sam|sábado|sabado",
    "sunday|sun|sonntag|so|dimanche|dim|domingo"
  };

  /** Full names only: outside a range or a label, "so", "sun" or "mar" is not a day. */
  private static final String[] FULL_NAMES = {
    "",
    "monday|montag|lundi|lunes",
    "tuesday|dienstag|mardi|martes",
    "wednesday|mittwoch|mercredi|miércoles|miercoles",
    "thursday|donnerstag|jeudi|jueves",
    "friday|freitag|vendredi|viernes",
    "saturday|samstag|sonnabend|samedi|sábado|sabado",
    "sunday|sonntag|dimanche|domingo"
  };

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String ANY_DAY = alternatives(NAMES);

  private static final String CLOSED = "closed|geschlossen|fermé|ferme|cerrado|ruhetag";

  /**
   * An abbreviated day as a schedule's label, before a time or "closed": "Sa: 9–12", "Fri. 8:00",
   * not "Fr. Weber" or "Ask for Sam."
   */
  private static final Pattern LABEL =
      Pattern.compile(
          "(?<![\\p{L}])(" + ANY_DAY + ")[.:]\\s*(?=\\d|(?:" + CLOSED + ")(?![\\p{L}]))", FLAGS);

  private static final Pattern FULL_DAY =
      Pattern.compile("(?<![\\p{L}])(" + alternatives(FULL_NAMES) + ")s?(?![\\p{L}])", FLAGS);

  /**
   * Two days joined as a range: "Monday to Thursday", "Mo–Fr", "du lundi au vendredi"; a joining
   * word stands between spaces.
   */
  private static final Pattern RANGE =
      Pattern.compile(
          "(?<![\\p{L}])("
              + ANY_DAY
              + ")(?:s|\\.)?(?:\\s*[-–—]\\s*|\\s+(?:to|until|till|through|thru|bis|au|à|a|hasta)\\s+)("
              + ANY_DAY
              + ")(?:s|\\.)?(?![\\p{L}])",
          FLAGS);

  private static final Pattern WEEKEND =
      Pattern.compile(
          "\\b(weekends?|week-ends?|wochenenden?|fin(?:es)? de semana)\\b"
              + "|(?<![\\p{L}])(samstags? und sonntags?|sábados y domingos)(?![\\p{L}])",
          FLAGS);

  private static final Pattern WEEKDAYS =
      Pattern.compile(
          "\\b(weekdays?|working days|business days|werktags?|wochentags?|werktagen"
              + "|en semaine|jours ouvrables|entre semana|días laborables|dias laborables)\\b",
          FLAGS);

  private static final Pattern EVERY_DAY =
      Pattern.compile(
          "\\b(daily|every day|7 days a week|seven days a week|täglich|jeden tag"
              + "|tous les jours|todos los días|todos los dias)(?![\\p{L}])",
          FLAGS);

  private static final Map<String, Integer> BY_NAME = byName();

  private static final Set<String> FULL =
      Set.of(String.join("|", FULL_NAMES).substring(1).split("\\|"));

  private Days() {}

  /**
   * The days a question asks about: days it names in full ("on a Saturday"), weekends and weekdays
   * ("at weekends" asks about Saturday and Sunday).
   */
  static BitSet asked(String question) {
    BitSet days = new BitSet(8);
    Matcher day = FULL_DAY.matcher(question);
    while (day.find()) {
      set(days, day.group(1));
    }
    if (WEEKEND.matcher(question).find()) {
      days.set(6, 8);
    }
    if (WEEKDAYS.matcher(question).find()) {
      days.set(1, 6);
    }
    return days;
  }

  /** The words of a question that name its days, as the question wrote them. */
  static List<String> askedWords(String question) {
    List<String> words = new ArrayList<>();
    for (Pattern pattern : List.of(FULL_DAY, WEEKEND, WEEKDAYS)) {
      Matcher day = pattern.matcher(question);
      while (day.find()) {
        words.add(day.group());
      }
    }
    return words;
  }

  /** The days {@code text} speaks of. */
  static BitSet spoken(String text) {
    BitSet days = new BitSet(8);
    Matcher range = RANGE.matcher(text);
    while (range.find()) {
      int from = day(range.group(1));
      int to = day(range.group(2));
      if (from < 0 || to < 0) {
        continue; // "sat to do", "del mar a mi": not a schedule's days
      }
      for (int d = from; ; d = d % 7 + 1) {
        days.set(d);
        if (d == to) {
          break;
        }
      }
    }
    Matcher day = FULL_DAY.matcher(text);
    while (day.find()) {
      set(days, day.group(1));
    }
    Matcher label = LABEL.matcher(text);
    while (label.find()) {
      if (day(label.group(1)) > 0) {
        set(days, label.group(1));
      }
    }
    if (WEEKEND.matcher(text).find()) {
      days.set(6, 8);
    }
    if (WEEKDAYS.matcher(text).find()) {
      days.set(1, 6);
    }
    if (EVERY_DAY.matcher(text).find()) {
      days.set(1, 8);
    }
    return days;
  }

  /**
   * The day a name found by the patterns stands for, or -1: an abbreviation only when capitalised
   * ("Sat", not "sat"), and nothing for letters the case-blind match takes for others ("frıday").
   */
  private static int day(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    Integer day = BY_NAME.get(lower);
    if (day == null) {
      return -1;
    }
    boolean full = FULL.contains(lower);
    return full || Character.isUpperCase(name.charAt(0)) ? day : -1;
  }

  private static void set(BitSet days, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    Integer day = BY_NAME.get(lower);
    if (day != null) {
      days.set(day);
    }
  }

  private static String alternatives(String[] names) {
    StringBuilder all = new StringBuilder();
    for (int d = 1; d <= 7; d++) {
      all.append(all.isEmpty() ? "" : "|").append(names[d]);
    }
    return all.toString();
  }

  private static Map<String, Integer> byName() {
    Map<String, Integer> byName = new HashMap<>();
    for (int d = 1; d <= 7; d++) {
      for (String name : NAMES[d].split("\\|")) {
        byName.put(name, d);
      }
    }
    return Map.copyOf(byName);
  }
}
