package io.encaptio.domain.capsule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.encaptio.domain.capsule.EmbedTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Tokens minted as a customer's backend would, with nimbus-jose-jwt. */
class EmbedTokensTest {

  private static final String KEY = "pk_abcdefghijklmnopqrstuvwx";
  private final String secret = EmbedTokens.newSecret();
  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  private String token(String secret, String audience, Instant expires, String subject)
      throws JOSEException {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issueTime(Date.from(now));
    if (audience != null) {
      claims.audience(audience);
    }
    if (expires != null) {
      claims.expirationTime(Date.from(expires));
    }
    if (subject != null) {
      claims.subject(subject);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private Reason refusal(String token) {
    try {
      EmbedTokens.verify(token, secret, KEY, now);
    } catch (EmbedTokenException e) {
      return e.reason();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aValidTokenNamesItsVisitor() throws Exception {
    assertThat(secret).startsWith("es_").hasSizeGreaterThan(40);
    assertThat(
            EmbedTokens.verify(
                    token(secret, KEY, now.plus(Duration.ofMinutes(10)), "customer-42"),
                    secret,
                    KEY,
                    now)
                .subject())
        .isEqualTo("customer-42");
    assertThat(
            EmbedTokens.verify(token(secret, KEY, now.plusSeconds(60), null), secret, KEY, now)
                .subject())
        .isNull();
  }

  @Test
  void expiredTamperedForeignAndLongLivedTokensAreRefused() throws Exception {
    assertThat(refusal(null)).isEqualTo(Reason.MISSING);
    assertThat(refusal("not-a-jwt")).isEqualTo(Reason.INVALID);
    assertThat(refusal(token(secret, KEY, now.minus(Duration.ofMinutes(5)), "x")))
        .isEqualTo(Reason.EXPIRED);
    assertThat(refusal(token(secret, "pk_zzzzzzzzzzzzzzzzzzzzzzzz", now.plusSeconds(60), "x")))
        .isEqualTo(Reason.WRONG_CAPSULE);
    assertThat(refusal(token(EmbedTokens.newSecret(), KEY, now.plusSeconds(60), "x")))
        .isEqualTo(Reason.INVALID);
    assertThat(refusal(token(secret, KEY, null, "x"))).isEqualTo(Reason.INVALID);
    assertThat(refusal(token(secret, KEY, now.plus(Duration.ofDays(30)), "x")))
        .isEqualTo(Reason.INVALID);

    String valid = token(secret, KEY, now.plusSeconds(60), "alice");
    String[] parts = valid.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("{\"aud\":\""
                            + KEY
                            + "\",\"sub\":\"mallory\",\"exp\":"
                            + (now.getEpochSecond() + 60)
                            + "}")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(refusal(forged)).isEqualTo(Reason.INVALID);
  }

  @Test
  void unsignedTokensAreRefused() {
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String body =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"aud\":\"" + KEY + "\",\"exp\":" + (now.getEpochSecond() + 60) + "}")
                    .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> EmbedTokens.verify(header + "." + body + ".", secret, KEY, now))
        .isInstanceOf(EmbedTokenException.class);
  }
}
