package io.encaptio.domain.ai;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a "how heavy", "how fast", "how far", "how long", "how old", "how big" question measures
 * (English, German, French, Spanish), and whether a sentence gives a quantity of it: a number with
 * a unit of that dimension ("16.5 kg", "25 km/h", "5 hours", "610 m²"). A sentence that gives one
 * answers the question's measuring word ("heavy" by "weighs 16.5 kg"), and a sentence with a number
 * of another kind ("the Voltaro S2", "€ 649") does not answer a measuring question.
 */
enum Measure {
  WEIGHT(
      "\\b(?:how (heavy)|what does (?:it|.+) (weigh)|(weight) of|wie (schwer)|quel (poids)"
          + "|combien (pèse)|cu[aá]nto (pesa))\\b",
      "(?:kg|g|kilos?|kilograms?|grams?|lbs?|pounds|t|tonnes?|tons?|gramm|kilogramm|grammes?"
          + "|kilogrammes?)",
      "weigh|weighs|weight|gewicht|wiegt|poids|pèse|peso|pesa"),
  SPEED(
      "\\b(?:how (fast)|(top speed)|wie (schnell)|(?:à )?quelle (vitesse)|qu[eé] tan (r[aá]pido))\\b",
      "(?:km/h|kmh|mph|m/s|knots|kn)",
      "speed|geschwindigkeit|höchstgeschwindigkeit|vitesse|velocidad"),
  DISTANCE(
      "\\b(?:how (far)|(?:what|which) (distance)|wie (weit)|(?:à )?quelle (distance)|a qu[eé] (distancia))\\b",
      "(?:km|kilomet(?:er|re)s?|miles?|mi|m|met(?:er|re)s?|yards?|minutes?(?: (?:walk|drive|on"
          + " foot|by car|away))?|mins?|gehminuten|autominuten|minuten|minutes? à pied|min à"
          + " pied)",
      "distance|away|range|entfernt|entfernung|reichweite|autonomie|distancia|walk|drive"),
  DURATION(
      "\\b(?:how (long)|wie (lange?)|combien de (temps)|pendant combien de (temps)|cu[aá]nto (tiempo))\\b",
      "(?:hours?|hrs?|h|minutes?|mins?|days?|nights?|weeks?|months?|years?|stunden?|tage?|nächte"
          + "|nacht|wochen?|monate?|jahre?|heures?|jours?|nuits?|semaines?|mois|ans|années?|horas?"
          + "|d[ií]as?|noches?|semanas?|meses|años|cm|m|metres?|meters?|inch(?:es)?|ft|feet)",
      "takes?|time|lasts?|duration|length|long|minimum|dauer|dauert|zeit|mindest\\p{L}*|durée"
          + "|dure|pendant|duración|dura|mínimo"),
  AGE(
      "\\b(?:how (old)|wie (alt)|quel (âge)|(?:what|which|minimum) (age)|ab welchem (alter)"
          + "|à partir de quel (âge)|qu[eé] (edad))\\b",
      "(?:years?(?: old)?|yrs?|jahren?|ans|años|\\+|or (?:older|over)|and (?:older|over)"
          + "|und älter|ou plus)",
      "age|aged|old|alter|âge|edad|ab"),
  SIZE(
      "\\b(?:how (big)|how (large)|what (size)|wie (groß)|quelle (?:est la )?(taille|surface|superficie)"
          + "|qu[eé] (tamaño))\\b",
      "(?:m²|m2|qm|sq\\.? ?(?:ft|m)|square (?:feet|foot|met(?:er|re)s?)|ha|hectares?|acres?"
          + "|quadratmeter|mètres carrés|cm|mm|inch(?:es)?|\")",
      "size|area|surface|plot|größe|fläche|grundstück|taille|superficie|tamaño");

  private static final String NUMERAL =
      "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
          + "|twenty|thirty|half an?|a|an|eine[nm]?|zwei|drei|vier|fünf|sechs|sieben|acht|zehn"
          + "|zwölf|un|une|deux|trois|quatre|cinq|six|dix|douze|quinze|vingt|dos|tres|cuatro"
          + "|cinco|diez)";

  private final Pattern asked;
  private final Pattern given;
  private final Pattern named;

  /**
   * @param asked the question's interrogative, its measuring word in a group
   * @param units the units of this measure
   * @param named the words that name the measure in a sentence ("weighs", "range", "size")
   */
  Measure(String asked, String units, String named) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    this.asked = Pattern.compile(asked, flags);
    this.named = Pattern.compile("(?<!\\p{L})(?:" + named + ")(?!\\p{L})", flags);
    // a number, then its unit as a word of its own ("25 km/h", "16.5 kg", "5 hours", "610 m²")
    this.given =
        Pattern.compile(
            "(?<![\\p{L}\\d])"
                + NUMERAL
                + "(?:\\s?[–-]\\s?\\d+(?:[.,]\\d+)?)?[\\s-]?"
                + units
                + "(?![\\p{L}\\d])",
            flags);
  }

  /** The measure {@code question} asks for, when it asks how heavy, fast, far, long, old or big. */
  static Optional<Measure> of(String question) {
    for (Measure measure : values()) {
      if (measure.asked.matcher(question).find()) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }

  /** The question's measuring word ("heavy", "weigh", "schwer", "vitesse"). */
  String word(String question) {
    Matcher matcher = asked.matcher(question);
    if (!matcher.find()) {
      return "";
    }
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return "";
  }

  /** Whether {@code sentence} gives a quantity of this measure. */
  boolean givenIn(String sentence) {
    return given.matcher(sentence).find();
  }

  /**
   * How plainly {@code sentence} gives this measure: 1 for a quantity with a word naming the
   * measure ("The S2 weighs 16.5 kg", "Range: up to 40 km"), 0.5 for a quantity alone ("rider 75
   * kg"), 0 for none.
   */
  double strength(String sentence) {
    if (!givenIn(sentence)) {
      return 0;
    }
    return named.matcher(sentence).find() ? 1 : 0.5;
  }
}
