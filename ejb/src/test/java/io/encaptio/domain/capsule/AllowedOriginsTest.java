package io.encaptio.domain.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

  @Test
  void originsAreKeptInNormalFormOnce() {
    assertThat(
            AllowedOrigins.checked(
                Arrays.asList(
                    "https://Shop.Example.com/",
                    "https://shop.example.com:443",
                    "http://localhost:3000",
                    " ",
                    null,
                    "https://*.example.org")))
        .containsExactly(
            "https://shop.example.com", "http://localhost:3000", "https://*.example.org");
  }

  @Test
  void whatIsNotAnOriginIsRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                AllowedOrigins.checked(
                    List.of("shop.example.com", "https://shop.example.com/chat", "ftp://x.io")))
        .isInstanceOf(InvalidCapsuleException.class)
        .extracting(e -> ((InvalidCapsuleException) e).problems().get("allowedOrigins"))
        .asString()
        .contains("\"shop.example.com\": an origin starts with https://")
        .contains("\"https://shop.example.com/chat\": an origin has no path")
        .contains("\"ftp://x.io\"");
  }

  @Test
  void aPageIsAllowedOnlyFromAListedOrigin() {
    List<String> allowed =
        AllowedOrigins.checked(List.of("https://shop.example.com", "https://*.example.org"));
    assertThat(AllowedOrigins.allows(allowed, "https://shop.example.com")).isTrue();
    assertThat(AllowedOrigins.allows(allowed, "https://SHOP.example.com:443")).isTrue();
    assertThat(AllowedOrigins.allows(allowed, "http://shop.example.com")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "https://shop.example.com:8443")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "https://evil-shop.example.com")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "https://a.b.example.org")).isTrue();
    assertThat(AllowedOrigins.allows(allowed, "https://example.org")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "https://example.org.evil.io")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "https://*.example.org")).isFalse();
    assertThat(AllowedOrigins.allows(allowed, "null")).isFalse();
    assertThat(AllowedOrigins.allows(List.of(), "https://shop.example.com")).isFalse();
  }
}
