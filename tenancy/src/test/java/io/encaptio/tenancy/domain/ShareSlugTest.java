package io.encaptio.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareSlugTest {

  @Test
  void namesBecomeReadableAsciiSlugs() {
    assertThat(ShareSlug.of("Harbour Loft — Zürich")).isEqualTo("harbour-loft-zurich");
    assertThat(ShareSlug.of("  Straße & Café 24/7 ")).isEqualTo("strasse-cafe-24-7");
    assertThat(ShareSlug.of("<script>alert(1)</script>")).isEqualTo("script-alert-1-script");
    assertThat(ShareSlug.of("東京")).isEqualTo("capsule");
    assertThat(ShareSlug.of(null)).isEqualTo("capsule");
    String longName = "The very long name of a capsule that goes on and on about everything";
    assertThat(ShareSlug.of(longName))
        .hasSizeLessThanOrEqualTo(ShareSlug.MAX)
        .doesNotEndWith("-")
        .startsWith("the-very-long-name");
    assertThat(ShareSlug.wellFormed(ShareSlug.of(longName))).isTrue();
  }

  @Test
  void takenSlugsGetNumbersThenARandomSuffix() {
    assertThat(ShareSlug.candidate("loft", 0)).isEqualTo("loft");
    assertThat(ShareSlug.candidate("loft", 1)).isEqualTo("loft-2");
    assertThat(ShareSlug.candidate("loft", 8)).isEqualTo("loft-9");
    assertThat(ShareSlug.candidate("loft", 9)).matches("loft-[a-z2-9]{5}");
    assertThat(ShareSlug.wellFormed("loft-2")).isTrue();
    assertThat(ShareSlug.wellFormed("Loft")).isFalse();
    assertThat(ShareSlug.wellFormed("../etc")).isFalse();
    assertThat(ShareSlug.wellFormed("pk_abc")).isFalse();
  }
}
