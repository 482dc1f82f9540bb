package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void abbreviationsDoNotEndASentence() {
    assertThat(
            Sentences.of(
                "Classes run at Kiln & Co. Studio, 212 Mercer Street. The instructor is Dana"
                    + " Whitfield."))
        .containsExactly(
            "Classes run at Kiln & Co. Studio, 212 Mercer Street.",
            "The instructor is Dana Whitfield.");
    assertThat(
            Sentences.of(
                "Call Dr. Lena Ortiz at St. Mary's. The flat is approx. 40 m² e.g. for two."
                    + " Room No. 5 is free. J. R. Smith built it."))
        .containsExactly(
            "Call Dr. Lena Ortiz at St. Mary's.",
            "The flat is approx. 40 m² e.g. for two.",
            "Room No. 5 is free.",
            "J. R. Smith built it.");
    assertThat(Sentences.of("The price is € 649, incl. VAT. Excl. VAT it is € 545."))
        .containsExactly("The price is € 649, incl. VAT.", "Excl. VAT it is € 545.");
  }

  @Test
  void aNamesAbbreviationEndsTheSentenceWhenTheNextOneBegins() {
    assertThat(Sentences.of("The bus stops on Church Rd. The house was built in 1978."))
        .containsExactly("The bus stops on Church Rd.", "The house was built in 1978.");
    assertThat(Sentences.of("Write to Hale & Partners Realty Inc. We answer within a day."))
        .containsExactly("Write to Hale & Partners Realty Inc.", "We answer within a day.");
  }

  @Test
  void aWordEndingLikeAnAbbreviationStillEndsItsSentence() {
    assertThat(Sentences.of("We ship to Africa. Then Mexico. The level is high."))
        .containsExactly("We ship to Africa.", "Then Mexico.", "The level is high.");
  }

  @Test
  void eachLanguageKeepsItsOwnAbbreviations() {
    assertThat(
            Sentences.of(
                "Das Hotel liegt ca. 5 km vom Zentrum, z. B. am See. Frühstück gibt es ab 7 Uhr."
                    + " Dr. Müller hilft gern.",
                "de"))
        .containsExactly(
            "Das Hotel liegt ca. 5 km vom Zentrum, z. B. am See.",
            "Frühstück gibt es ab 7 Uhr.",
            "Dr. Müller hilft gern.");
    assertThat(Sentences.of("M. Dupont vous accueille. Réservez env. 2 jours avant.", "fr"))
        .containsExactly("M. Dupont vous accueille.", "Réservez env. 2 jours avant.");
  }

  @Test
  void linesAndListItemsStandAlone() {
    assertThat(Sentences.of("- Parking: 12 euros a day\n2. Pets welcome\n\nCheck-in at 15:00"))
        .containsExactly("Parking: 12 euros a day", "Pets welcome", "Check-in at 15:00");
  }
}
