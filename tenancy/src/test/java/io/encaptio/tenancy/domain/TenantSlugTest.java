package io.encaptio.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "globex", "a1-b2", "abc"})
  void acceptsLowerCaseLettersDigitsAndHyphens(String slug) {
    assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
  }

  @Test
  void acceptsSixtyThreeCharacters() {
    String longest = "a".repeat(63);

    assertThat(new TenantSlug(longest).value()).hasSize(63);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab", // too short
        "Acme", // upper case
        "1acme", // leading digit
        "-acme", // leading hyphen
        "acme-", // trailing hyphen
        "acme corp", // space
        "acme_corp", // underscore
        "acme'; drop schema platform; --", // SQL
        "acm\u00e9", // accented letter
        "\u0430cme", // Cyrillic 'а' that looks like a Latin 'a'
        ""
      })
  void rejectsSlugsOutsideTheAllowedPattern(String slug) {
    assertThatThrownBy(() -> new TenantSlug(slug))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 to 63 characters")
        .hasMessageContaining("lower-case letters, digits and hyphens")
        .hasMessageContaining("starting with a letter")
        .hasMessageContaining("not ending with a hyphen");
  }

  @Test
  void rejectsSixtyFourCharacters() {
    assertThatThrownBy(() -> new TenantSlug("a".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 to 63 characters");
  }

  @Test
  void rejectsSlugThatLooksLikeSql() {
    assertThatThrownBy(() -> new TenantSlug("acme'; drop schema platform; --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 'acme'; drop schema platform; --'");
  }

  @Test
  void abbreviatesLongInputInTheMessage() {
    String tooLong = "x".repeat(500);

    assertThatThrownBy(() -> new TenantSlug(tooLong))
        .hasMessageContaining("x".repeat(40) + "…")
        .hasMessageNotContaining("x".repeat(41));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> new TenantSlug(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("slug");
  }

  @Test
  void printsAsItsValue() {
    assertThat(new TenantSlug("acme")).hasToString("acme");
  }
}
