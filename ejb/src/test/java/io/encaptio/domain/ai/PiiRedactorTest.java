package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiRedactorTest {

  @Test
  void redactsEmailPhoneCardAndIban() {
    String redacted =
        PiiRedactor.redact(
            "Write to anna.berg@example.org or call +49 30 1234 5678. Card 4111 1111 1111 1111,"
                + " IBAN DE89 3704 0044 0532 0130 00.");
    assertThat(redacted)
        .doesNotContain("anna.berg", "1234 5678", "4111", "DE89")
        .contains("[e-mail removed]", "[phone removed]", "[card number removed]")
        .contains("[account number removed]");
  }

  @Test
  void leavesDatesTimesPricesAndYearsAlone() {
    String text = "Open 09:00-17:00 since 2019-05-01; rent 1,450 euros; built 1896.";
    assertThat(PiiRedactor.redact(text)).isEqualTo(text);
  }
}
