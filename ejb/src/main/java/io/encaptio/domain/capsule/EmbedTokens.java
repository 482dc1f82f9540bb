package io.encaptio.domain.capsule;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.encaptio.domain.capsule.EmbedTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Signed embed tokens: a customer's backend vouches for its page's visitor with a JWT signed HS256
 * with the capsule's embed secret (its UTF-8 bytes as the key, as JWT libraries take a string
 * secret). Claims: {@code aud} the capsule's public key (required), {@code exp} (required, at most
 * {@link #MAX_LIFETIME} ahead: a long-lived token copied from a page would work for anyone), and
 * optionally {@code sub} (the visitor's identity in the customer's system, up to 200 characters),
 * {@code nbf}. A minute of clock skew is allowed.
 */
public final class EmbedTokens {

  public static final Duration MAX_LIFETIME = Duration.ofHours(24);
  private static final Duration SKEW = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A visitor a token vouched for; {@code subject} is null for an anonymous one. */
  public record Verified(String subject) {}

  private EmbedTokens() {}

  /** A new secret: 256 random bits, Base64url, with a prefix that says what it is. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "es_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * @throws EmbedTokenException saying what is wrong with the token
   */
  public static Verified verify(String token, String secret, String publicKey, Instant now) {
    if (token == null || token.isBlank()) {
      throw new EmbedTokenException(
          Reason.MISSING,
          "This capsule needs a signed embed token: send it as \"Authorization: Bearer <token>\".");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token.strip());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new EmbedTokenException(Reason.INVALID, "The embed token is not a signed JWT.");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new EmbedTokenException(
          Reason.INVALID, "Sign embed tokens with HS256 and the capsule's embed secret.");
    }
    boolean signed;
    try {
      signed = jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      signed = false;
    }
    if (!signed) {
      throw new EmbedTokenException(
          Reason.INVALID,
          "The embed token's signature does not match the capsule's embed secret"
              + " (changed, or the token was altered).");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(publicKey)) {
      throw new EmbedTokenException(
          Reason.WRONG_CAPSULE,
          "The embed token is for another capsule: set its \"aud\" to " + publicKey + ".");
    }
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new EmbedTokenException(
          Reason.INVALID, "The embed token has no expiry (\"exp\"); make it short-lived.");
    }
    if (expires.toInstant().plus(SKEW).isBefore(now)) {
      throw new EmbedTokenException(
          Reason.EXPIRED, "The embed token expired at " + expires.toInstant() + "; get a new one.");
    }
    if (expires.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
      throw new EmbedTokenException(
          Reason.INVALID,
          "The embed token lives too long: let it expire within "
              + MAX_LIFETIME.toHours()
              + " hours.");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(SKEW).isAfter(now)) {
      throw new EmbedTokenException(
          Reason.INVALID, "The embed token is not valid before " + notBefore.toInstant() + ".");
    }
    String subject = claims.getSubject();
    if (subject != null && (subject.isBlank() || subject.length() > 200)) {
      throw new EmbedTokenException(
          Reason.INVALID, "The embed token's \"sub\" is the visitor's id: 1 to 200 characters.");
    }
    return new Verified(subject);
  }
}
