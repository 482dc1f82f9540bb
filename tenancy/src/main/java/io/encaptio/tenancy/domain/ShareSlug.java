package io.encaptio.tenancy.domain;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The readable part of a share page's address, made from a capsule's name: lower-case ASCII letters
 * and digits in words joined by hyphens, at most {@link #MAX} characters ("Harbour Loft — Zürich"
 * becomes "harbour-loft-zurich").
 */
public final class ShareSlug {

  public static final int MAX = 48;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private ShareSlug() {}

  public static String of(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("ß", "ss")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (ascii.length() > MAX) {
      int cut = ascii.lastIndexOf('-', MAX);
      ascii = ascii.substring(0, cut > MAX / 2 ? cut : MAX).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "capsule" : ascii;
  }

  /** The {@code attempt}-th candidate for a taken slug: -2 … -9, then a random suffix. */
  public static String candidate(String base, int attempt) {
    if (attempt == 0) {
      return base;
    }
    if (attempt < 9) {
      return base + "-" + (attempt + 1);
    }
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return base + "-" + suffix;
  }

  /** Whether a path segment can be a slug at all (checked before any look-up). */
  public static boolean wellFormed(String slug) {
    return slug != null && slug.length() <= 60 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
  }
}
