package io.encaptio.domain.ai;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, read from its interrogative (English, German, French,
 * Spanish), and whether a sentence holds one: a time or day for "when", an amount for "how much", a
 * number for "how many", a person's name for "who", a place for "where". Yes/no questions and the
 * rest ask for no particular kind; their named feature must be in the sentence instead.
 */
public enum AnswerType {
  TIME,
  MONEY,
  NUMBER,
  PERSON,
  PLACE,
  YES_NO,
  OTHER;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern ASKS_MONEY =
      Pattern.compile(
          "\\b(how much (is|are|does|do|for|will|would)|what does .* cost|what is the (price|fee|rate|cost)|price|prices|fee|fees"
              + "|cost|costs|charge|wie ?viel kostet|was kostet|preis|preise|kosten|gebühr"
              + "|combien co[uû]te|quel est le (prix|tarif)|prix|tarif|tarifs|co[uû]t"
              + "|cu[aá]nto cuesta|precio)\\b",
          FLAGS);

  /** Words that ask for an amount of money whatever the interrogative. */
  private static final Pattern PRICED =
      Pattern.compile(
          "\\b(cost|costs|price|prices|fee|fees|charge|kostet|kosten|preis|co[uû]te|co[uû]tent"
              + "|prix|tarif|cuesta|precio)\\b",
          FLAGS);

  /** "How much" of something that is not money ("How much fuel …"). */
  private static final Pattern HOW_MUCH = Pattern.compile("^(how much|wie ?viel)\\b", FLAGS);

  private static final Pattern ASKS_TIME =
      Pattern.compile(
          "^(when|what time|which days?|what days?|on which days?|how early|how late|until when"
              + "|wann|um wie ?viel uhr|an welche[mnr]? tag(en)?|bis wann|ab wann|quand|à quelle heure"
              + "|quel jour|quels jours|jusqu'à quelle heure|cu[aá]ndo|a qu[eé] hora)\\b"
              + "|\\b(opening hours|open hours|hours|öffnungszeiten|horaires|what time)\\b",
          FLAGS);
  private static final Pattern ASKS_NUMBER =
      Pattern.compile(
          "^(how many|how long|how big|how large|how far|how old|how fast|how heavy|what size"
              + "|wie ?viele|wie lange|wie groß|wie weit|wie alt|wie schnell|combien de|combien"
              + "|cu[aá]ntos|cu[aá]ntas)\\b",
          FLAGS);
  private static final Pattern ASKS_PERSON =
      Pattern.compile(
          "^(who|whom|whose|wer|wem|wen|qui|qui est|qui sont|qui\u00e9n|quien)\\b", FLAGS);
  private static final Pattern ASKS_PLACE =
      Pattern.compile(
          "^(where|wo|wohin|woher|où|d[oó]nde)\\b|\\b(address|adresse|located|location|lage)\\b",
          FLAGS);
  private static final Pattern ASKS_YES_NO =
      Pattern.compile(
          "^(is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|must"
              + "|ist|sind|gibt es|kann|können|darf|dürfen|hat|haben|muss|müssen|wird|werden"
              + "|est-ce|y a-t-il|peut-on|puis-je|peut-il|a-t-on|faut-il|sont|est|avez-vous"
              + "|acceptez-vous|proposez-vous|hay|puedo|se puede|tiene|tienen)\\b",
          FLAGS);

  private static final String DAYS =
      "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|daily"
          + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|werktags|täglich"
          + "|wochenende|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|quotidien"
          + "|lunes|martes|miércoles|jueves|viernes|sábado|domingo";
  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril"
          + "|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|mayo"
          + "|junio|julio|agosto";
  private static final Pattern HAS_TIME =
      Pattern.compile(
          "\\b\\d{1,2}[:.h]\\d{2}\\b|\\b\\d{1,2}\\s?(am|pm|a\\.m\\.|p\\.m\\.|uhr|h)\\b"
              + "|\\b(noon|midnight|morning|afternoon|evening|mittag|abends|morgens|midi|soir"
              + "|matin|year-round|all year|ganzjährig|toute l'année)\\b"
              + "|\\b\\d+\\s?(hours?|minutes?|days?|weeks?|months?|stunden|tage|wochen|heures?"
              + "|jours?|semaines?|horas|días)\\b"
              + "|\\b("
              + DAYS
              + ")s?\\b|\\b("
              + MONTHS
              + ")\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s("
              + MONTHS
              + ")|\\b\\d{1,2}[./]\\d{1,2}\\b|\\b(mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)"
              + "\\.?\\s?[–-]",
          FLAGS);
  private static final Pattern HAS_MONEY =
      Pattern.compile(
          "[€$£¥]|\\b(eur|euros?|usd|dollars?|chf|gbp|pounds?|francs?|cents?|ct)\\b"
              + "|\\b(free|no charge|free of charge|kostenlos|gratis|gratuit|gratuite|offert"
              + "|offerte)\\b",
          FLAGS);
  private static final Pattern HAS_NUMBER =
      Pattern.compile(
          "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen"
              + "|hundred|single|double|eins?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn"
              + "|zwölf|un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|vingt|dos|tres"
              + "|cuatro|cinco)\\b",
          FLAGS);

  /** Two or more capitalised words in a row (a name), or a title before one. */
  private static final Pattern NAME =
      Pattern.compile(
          "\\p{Lu}\\p{Ll}+(?:[\\s-](?:et |und |and |y )?\\p{Lu}\\p{Ll}+)+"
              + "|\\b(Dr|Mr|Mrs|Ms|Prof|Herr|Frau|M|Mme)\\.?\\s\\p{Lu}");

  /** Words that open sentences, not names: "The Shop …", "Unser Hotel …". */
  private static final Pattern OPENING =
      Pattern.compile(
          "^(The|A|An|Our|Your|This|These|Those|Its|Their|My|Every|Each|All|Any|Some|Most|Der|Die"
              + "|Das|Ein|Eine|Unser|Unsere|Ihr|Ihre|Jeder|Jede|Jedes|Alle|Le|La|Les|Un|Une|Notre"
              + "|Nos|Votre|Vos|Chaque|Tout|Toute|Tous|El|Los|Las|Una|Nuestro|Cada|Todos)\\b");

  /** Capitalised words that make a name a place's or a business's, not a person's. */
  private static final Pattern NOT_A_PERSON =
      Pattern.compile(
          "\\b(Street|St|Road|Rd|Avenue|Ave|Lane|Square|Station|Hall|House|Museum|Studio|Hotel"
              + "|Restaurant|Shop|Centre|Center|Park|Hire|Motors|Software|Inc|Ltd|Co|GmbH|Bank"
              + "|Straße|Strasse|Platz|Bahnhof|Rue|Place|Gare|Avenue|Boulevard|Calle|Plaza"
              + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
              + "|March|April|June|July|August|September|October|November|December)\\b");

  private static final Pattern HAS_PLACE =
      Pattern.compile(
          "\\d+\\s+\\p{Lu}|\\b(street|st\\.|road|avenue|square|floor|building|station|centre"
              + "|center|corner|next to|opposite|near|minutes? (walk|drive) from|km from"
              + "|straße|strasse|platz|gasse|weg|stock|etage|bahnhof|neben|gegenüber|rue|place"
              + "|avenue|boulevard|étage|gare|près|à côté|calle|plaza|piso)\\b|\\b(in|at|on|im|am"
              + "|à|au|en)\\s+(the\\s+|der\\s+|dem\\s+|la\\s+|le\\s+)?\\p{Lu}",
          FLAGS & ~Pattern.CASE_INSENSITIVE);

  /** The kind of answer {@code question} asks for. */
  public static AnswerType of(String question) {
    String q = question.strip();
    if (ASKS_PERSON.matcher(q).find()) {
      return PERSON;
    }
    if (Measure.of(q).isPresent()) {
      return NUMBER; // "How long does it take to charge?" asks for hours, not a charge
    }
    if (ASKS_MONEY.matcher(q).find()
        && (PRICED.matcher(q).find() || !ASKS_NUMBER.matcher(q).find())) {
      return MONEY;
    }
    if (ASKS_NUMBER.matcher(q).find() || HOW_MUCH.matcher(q).find()) {
      return NUMBER;
    }
    if (ASKS_TIME.matcher(q).find()) {
      return TIME;
    }
    if (ASKS_PLACE.matcher(q).find()) {
      return PLACE;
    }
    if (ASKS_YES_NO.matcher(q).find()) {
      return YES_NO;
    }
    return OTHER;
  }

  /**
   * A person's name in the sentence: a title before a capitalised word, or capitalised words in a
   * row that are not a place's or a business's name, nor a sentence's opening words.
   */
  private static boolean hasPerson(String sentence, Predicate<String> ordinary) {
    Matcher name = NAME.matcher(sentence);
    while (name.find()) {
      String found = name.group();
      if (found.matches("(Dr|Mr|Mrs|Ms|Prof|Herr|Frau|M|Mme)\\.?\\s\\p{Lu}")) {
        return true;
      }
      if (name.start() == 0 && OPENING.matcher(found).find()) {
        found = found.substring(found.indexOf(' ') + 1);
        if (!found.contains(" ")) {
          continue; // "The Studio" opens the sentence
        }
      }
      if (!NOT_A_PERSON.matcher(found).find()
          && Arrays.stream(found.split("[\\s-]+")).noneMatch(ordinary)) {
        return true;
      }
    }
    return false;
  }

  /** An address: a house number before a street's name, a postcode before a town, or a label. */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "\\b\\d+[a-z]?,?\\s+(?:St\\.\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*)*\\s+"
              + "(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Way|Drive|Place|Row|Quay)\\b"
              + "|\\b\\p{Lu}\\p{L}*(?:straße|strasse|gasse|weg|platz|allee)\\s+\\d+"
              + "|\\b\\d+,?\\s+(?:rue|avenue|boulevard|place|chemin|calle|avenida)\\b"
              + "|\\b\\d{4,5}\\s+\\p{Lu}\\p{Ll}+"
              + "|^(?:Address|Adresse|Anschrift|Dirección|Location|Lage)\\s*:",
          Pattern.UNICODE_CASE);

  /** A clock time or a day of the week: what "when" asks for most. */
  private static final Pattern CLOCK_OR_DAY =
      Pattern.compile(
          "\\b\\d{1,2}[:.h]\\d{2}\\b|\\b\\d{1,2}\\s?(am|pm|uhr|h)\\b|\\b(" + DAYS + ")s?\\b",
          FLAGS);

  /**
   * How plainly {@code sentence} gives this kind of answer, 0 to 1: an address for "where" and a
   * clock time or weekday for "when" fully, a floor or "in the morning" half; for the other kinds
   * whether it is met at all.
   */
  public double strength(String sentence, Predicate<String> ordinary) {
    if (!metBy(sentence, ordinary)) {
      return 0;
    }
    return switch (this) {
      case PLACE -> ADDRESS.matcher(sentence).find() ? 1 : 0.5;
      case TIME -> CLOCK_OR_DAY.matcher(sentence).find() ? 1 : 0.5;
      default -> 1;
    };
  }

  /** Whether this kind is a particular one (a time, an amount, a number, a name, a place). */
  public boolean typed() {
    return this != YES_NO && this != OTHER;
  }

  /** Whether {@code sentence} holds an answer of this kind (yes/no and others: always). */
  public boolean metBy(String sentence) {
    return metBy(sentence, word -> false);
  }

  /**
   * @param ordinary whether a word is one the content uses in lower case ("Wheel", as in "wheels"):
   *     a capitalised phrase made of them is a title ("Wheel Throwing for Beginners"), not a
   *     person's name
   */
  public boolean metBy(String sentence, Predicate<String> ordinary) {
    return switch (this) {
      case TIME -> HAS_TIME.matcher(sentence).find();
      case MONEY -> HAS_MONEY.matcher(sentence).find();
      case NUMBER -> HAS_NUMBER.matcher(sentence).find();
      case PERSON -> hasPerson(sentence, ordinary);
      case PLACE -> HAS_PLACE.matcher(sentence).find() || HAS_NUMBER.matcher(sentence).find();
      case YES_NO, OTHER -> true;
    };
  }
}
