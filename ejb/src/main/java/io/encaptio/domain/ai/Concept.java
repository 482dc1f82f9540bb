package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few things visitors ask about on almost every fact sheet, which sheets name with other words
 * than the questions (and than each other): where to park ("park my car" — "Tiefgarage", "parking",
 * "Stellplatz", "driveway"), pets ("my dog" — "Haustiere", "animaux"), and days or times a place is
 * closed ("geschlossen" — "Ruhetag"). A hand-written lexicon in English, German, French and
 * Spanish: the capsules' embedding model is English and does not relate these words across
 * languages. A sentence that speaks of the concept answers the question's words for it.
 */
enum Concept {
  PARKING(
      "park|parking|car ?park|leave (?:my|the|our|your) cars?|parken|parkplatz\\p{L}*|parkpl[aä]tze|stellpl[aä]tz\\p{L}*"
          + "|abstellen|garer|stationner|stationnement|aparcar|estacionar|aparcamiento",
      "park|parking|car ?park|garage|garages|driveway|carport|parking spaces?|parken"
          + "|parkplatz\\p{L}*|parkpl[aä]tze|stellpl[aä]tz\\p{L}*|tiefgarage|parkhaus|garer"
          + "|stationnement|aparcamiento|garaje|estacionamiento",
      "cars?|vehicles?|auto|autos|wagen|fahrzeug|voiture|véhicule|coche|veh[ií]culo"),
  PETS(
      "pets?|dogs?|cats?|animals?|haustier\\p{L}*|hund|hunde|hundes|katze|katzen|tier|tiere"
          + "|animaux|animal|chiens?|chats?|mascotas?|perros?|gatos?",
      "pets?|dogs?|cats?|animals?|haustier\\p{L}*|hund|hunde|katze|katzen|tiere|animaux|animal"
          + "|chiens?|chats?|mascotas?|perros?|gatos?",
      ""),
  FREE(
      "free|free of charge|no charge|no extra charge|at no cost|complimentary|kostenlos|kostenfrei"
          + "|gratis|umsonst|ohne aufpreis|gratuit\\p{L}*|sans frais|offerte?s?|sin coste|sin cargo",
      "free|free of charge|no charge|no extra charge|at no cost|complimentary|kostenlos|kostenfrei"
          + "|gratis|umsonst|ohne aufpreis|gratuit\\p{L}*|sans frais|offerte?s?|sin coste|sin cargo"
          + "|gratuito",
      ""),
  VEGETARIAN(
      "vegetarian|vegan|meat-free|without meat|meatless|no meat|vegetarisch\\p{L}*|vegan\\p{L}*"
          + "|fleischlos|ohne fleisch|végétarien\\p{L}*|végan\\p{L}*|végétalien\\p{L}*"
          + "|sans viande|vegetarian[oa]s?|sin carne",
      "vegetarian|vegan|meat-free|meatless|vegetarisch\\p{L}*|vegan\\p{L}*|fleischlos"
          + "|ohne fleisch|végétarien\\p{L}*|végan\\p{L}*|végétalien\\p{L}*|sans viande"
          + "|vegetarian[oa]s?|sin carne",
      ""),
  OWNER(
      "owns?|owned|owner|belongs?|gehört|gehören|inhaber\\p{L}*|besitzer\\p{L}*|eigentümer\\p{L}*"
          + "|propriétaire|appartient|dueñ[oa]|propietari[oa]",
      "owns?|owned|owner|proprietor|inhaber\\p{L}*|besitzer\\p{L}*|eigentümer\\p{L}*"
          + "|propriétaire|dueñ[oa]|propietari[oa]",
      ""),
  TEACHER(
      "teach|teaches|teaching|teacher|instructor|tutor|lecturer|lehrt|unterrichtet|lehrer\\p{L}*"
          + "|kursleiter\\p{L}*|dozent\\p{L}*|enseigne|professeur|formateur|animateur|enseña"
          + "|profesor[a]?",
      "teach|teaches|teaching|teacher|instructor|tutor|lecturer|taught|lehrt|unterrichtet"
          + "|lehrer\\p{L}*|kursleiter\\p{L}*|dozent\\p{L}*|enseigne|professeur|formateur"
          + "|animée?s?|animateur|enseña|profesor[a]?",
      ""),
  PLOT(
      "land|plot|grounds|grundstück\\p{L}*|terrain|parcelle|parcela",
      "land|plot|grounds|grundstück\\p{L}*|terrain|parcelle|parcela",
      ""),
  MOVING_IN(
      "move in|moving in|move into|einziehen|einzug|emménager|mudarme|mudarse",
      "available from|available|vacant|frei ab|bezugsfrei|verfügbar|einzug|disponible"
          + "|libre à partir|libre dès",
      ""),
  CLOSED(
      "closed|shut|geschlossen|ruhetag\\p{L}*|fermée?s?|fermeture|cerrad[oa]s?",
      "closed|shut|geschlossen|ruhetage?|betriebsferien|fermée?s?|fermeture|relâche"
          + "|cerrad[oa]s?|descanso",
      "");

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private final Pattern asked;
  private final Pattern spoken;
  private final Pattern with;

  /**
   * @param asked the words a question asks about it with
   * @param spoken the words a sentence speaks of it with
   * @param with words of the question that go with it ("car" of "park my car")
   */
  Concept(String asked, String spoken, String with) {
    this.asked = word(asked);
    this.spoken = word(spoken);
    this.with = with.isEmpty() ? null : word(with);
  }

  private static Pattern word(String alternatives) {
    return Pattern.compile("(?<!\\p{L})(?:" + alternatives + ")(?!\\p{L})", FLAGS);
  }

  /** The concepts {@code question} asks about. */
  static List<Concept> asked(String question) {
    List<Concept> asked = new ArrayList<>();
    for (Concept concept : values()) {
      if (concept.asked.matcher(question).find()) {
        asked.add(concept);
      }
    }
    return asked;
  }

  /** The question's words for this concept: "park", "car" of "Where can I park my car?". */
  String words(String question) {
    StringBuilder words = new StringBuilder();
    for (Pattern pattern : with == null ? List.of(asked) : List.of(asked, with)) {
      Matcher matcher = pattern.matcher(question);
      while (matcher.find()) {
        words.append(matcher.group()).append(' ');
      }
    }
    return words.toString();
  }

  /** Whether {@code sentence} speaks of this concept. */
  boolean spokenIn(String sentence) {
    return spoken.matcher(sentence).find();
  }
}
