package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a capsule looks to visitors: its logo and the assistant's avatar (images uploaded as capsule
 * assets, never changed once stored, so a version keeps the ones it was published with), the main
 * colour (buttons, the launcher) with the text colour that reads on it, the font, light or dark,
 * and where the launcher sits on a page.
 */
public record Brand(
    UUID logo, UUID avatar, String primaryColor, String font, String theme, String launcherPosition)
    implements Serializable {

  public static final List<String> FONTS = List.of("system", "serif", "rounded", "mono");
  public static final List<String> THEMES = List.of("light", "dark", "auto");
  public static final List<String> POSITIONS = List.of("bottom-right", "bottom-left");

  private static final String DEFAULT_COLOR = "#1f5fbf";

  public static final Brand DEFAULT =
      new Brand(null, null, DEFAULT_COLOR, "system", "auto", "bottom-right");

  public Brand {
    primaryColor =
        primaryColor == null ? DEFAULT_COLOR : primaryColor.strip().toLowerCase(Locale.ROOT);
    font = font == null ? "system" : font;
    theme = theme == null ? "auto" : theme;
    launcherPosition = launcherPosition == null ? "bottom-right" : launcherPosition;
  }

  public Brand withLogo(UUID asset) {
    return new Brand(asset, avatar, primaryColor, font, theme, launcherPosition);
  }

  public Brand withAvatar(UUID asset) {
    return new Brand(logo, asset, primaryColor, font, theme, launcherPosition);
  }

  /** Whether the colour is written #rrggbb. */
  public boolean colorIsValid() {
    return primaryColor.matches("#[0-9a-f]{6}");
  }

  /** The main colour as CSS can use it (the default while the editor's is not a colour yet). */
  public String cssColor() {
    return colorIsValid() ? primaryColor : DEFAULT_COLOR;
  }

  /** White or near-black, whichever reads better on the main colour. */
  public String textOnPrimary() {
    return contrast("#ffffff") >= contrast("#111111") ? "#ffffff" : "#111111";
  }

  /** WCAG 2 contrast ratio of the main colour against another colour (1 to 21). */
  public double contrast(String other) {
    double a = luminance(colorIsValid() ? primaryColor : DEFAULT_COLOR);
    double b = luminance(other);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** The best contrast any text colour gets on the main colour. */
  public double bestTextContrast() {
    return Math.max(contrast("#ffffff"), contrast("#111111"));
  }

  private static double luminance(String hex) {
    double[] rgb = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }

  /** The CSS font stack of the chosen font. */
  public String fontStack() {
    return switch (font) {
      case "serif" -> "Georgia, 'Times New Roman', serif";
      case "rounded" -> "ui-rounded, 'Segoe UI', system-ui, sans-serif";
      case "mono" -> "ui-monospace, 'SFMono-Regular', Menlo, monospace";
      default -> "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    };
  }
}
