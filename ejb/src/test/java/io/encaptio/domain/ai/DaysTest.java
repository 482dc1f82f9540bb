package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class DaysTest {

  private static BitSet days(int... numbers) {
    BitSet days = new BitSet(8);
    for (int day : numbers) {
      days.set(day);
    }
    return days;
  }

  @Test
  void rangesCoverTheDaysBetweenTheirEnds() {
    assertThat(Days.spoken("Monday to Thursday: 8:00–18:00")).isEqualTo(days(1, 2, 3, 4));
    assertThat(Days.spoken("Mo–Fr 9:00–17:00")).isEqualTo(days(1, 2, 3, 4, 5));
    assertThat(Days.spoken("Geöffnet von Dienstag bis Sonntag")).isEqualTo(days(2, 3, 4, 5, 6, 7));
    assertThat(Days.spoken("Ouvert du lundi au vendredi")).isEqualTo(days(1, 2, 3, 4, 5));
    assertThat(Days.spoken("Fri–Mon: late opening"))
        .as("a range across Sunday")
        .isEqualTo(days(5, 6, 7, 1));
  }

  @Test
  void weekendsWeekdaysAndEveryDayNameTheirDays() {
    assertThat(Days.spoken("The clinic is closed at weekends.")).isEqualTo(days(6, 7));
    assertThat(Days.spoken("Same-day appointments on weekdays.")).isEqualTo(days(1, 2, 3, 4, 5));
    assertThat(Days.spoken("Breakfast is served daily.")).isEqualTo(days(1, 2, 3, 4, 5, 6, 7));
    assertThat(Days.spoken("Ruhetag ist Montag.")).isEqualTo(days(1));
  }

  @Test
  void ordinaryWordsThatAbbreviateDaysElsewhereAreNoDays() {
    assertThat(Days.spoken("The sun terrace is open, so do come by.")).isEqualTo(days());
    assertThat(Days.spoken("Sat nav and a mar-proof finish.")).isEqualTo(days());
    assertThat(Days.spoken("Sa: 9:00–12:00")).isEqualTo(days(6));
    assertThat(Days.spoken("He sat to do his homework.")).isEqualTo(days());
    assertThat(Days.spoken("Vista del mar a mi habitación")).isEqualTo(days());
    assertThat(Days.spoken("They were wed to do good.")).isEqualTo(days());
    assertThat(Days.spoken("Kontakt: Fr. Weber. Ask for Sam.")).isEqualTo(days());
    assertThat(Days.spoken("Die Montagen dauern zwei Stunden.")).isEqualTo(days());
    assertThat(Days.spoken("Sa: geschlossen")).isEqualTo(days(6));
  }

  @Test
  void lettersACaseBlindMatchTakesForOthersAreNoDayAndNoError() {
    assertThat(Days.asked("Open on frıday?")).isEqualTo(days());
    assertThat(Days.asked("FRİDAY")).isEqualTo(days());
    assertThat(Days.spoken("MİTTWOCH bis FREİTAG, ſunday")).isEqualTo(days());
    assertThat(Days.spoken("SÁBADO")).isEqualTo(days(6));
  }

  @Test
  void aQuestionAsksOnlyForTheDaysItNamesInFull() {
    assertThat(Days.asked("Can I come in on a Saturday?")).isEqualTo(days(6));
    assertThat(Days.askedWords("Are you open on Sundays?")).containsExactly("Sundays");
    assertThat(Days.asked("Is there a sun terrace?")).isEqualTo(days());
    assertThat(Days.asked("Are you open at weekends?")).isEqualTo(days(6, 7));
    assertThat(Days.askedWords("Are you open at weekends?")).containsExactly("weekends");
  }
}
