package io.encaptio.application;

import io.encaptio.domain.capsule.Brand;
import io.encaptio.domain.capsule.LeadForm;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * A capsule's assistant settings as editors read and write them (the draft, a template, a version):
 * persona, tone, instructions, what it says first and when the content has no answer, suggested
 * questions, action buttons, the brand, the lead form, and whether personal data is redacted from
 * answers. A field left out (null) takes its default when saved.
 */
public record CapsuleSettingsDto(
    String persona,
    String tone,
    String instructions,
    String welcomeMessage,
    List<String> suggestedQuestions,
    String answerLength,
    String language,
    String noAnswerText,
    List<ActionDto> actions,
    BrandSettingsDto brand,
    LeadFormDto leadForm,
    Boolean redactPersonalData)
    implements Serializable {

  /** A button a visitor sees beside the chat, such as "Book a call", opening a URL. */
  public record ActionDto(String label, String url) implements Serializable {}

  /**
   * How the capsule looks: logo and avatar (asset ids), the main colour (#rrggbb), the font
   * (system, serif, rounded or mono), light, dark or auto, and where the launcher sits
   * (bottom-right or bottom-left).
   */
  public record BrandSettingsDto(
      UUID logo,
      UUID avatar,
      String primaryColor,
      String font,
      String theme,
      String launcherPosition)
      implements Serializable {

    /** The fonts a brand can choose. */
    public static final List<String> FONTS = Brand.FONTS;

    /** What visitors will see: the colours and font stack these choices make. */
    public CapsuleService.BrandDto look() {
      Brand brand = brand();
      return new CapsuleService.BrandDto(
          brand.logo(),
          brand.avatar(),
          brand.cssColor(),
          brand.textOnPrimary(),
          brand.fontStack(),
          brand.theme(),
          brand.launcherPosition());
    }

    /** Whether the main colour is written #rrggbb. */
    public boolean colorWellFormed() {
      return brand().colorIsValid();
    }

    /** The best contrast any text colour gets on the main colour (WCAG 2, 1 to 21). */
    public double bestTextContrast() {
      return brand().bestTextContrast();
    }

    private Brand brand() {
      return new Brand(logo, avatar, primaryColor, font, theme, launcherPosition);
    }
  }

  /**
   * The form a visitor can fill in to be contacted: whether it is on, its title, the fields it asks
   * for (name, email, phone, company, message), which are required, and the consent visitors give.
   */
  public record LeadFormDto(
      boolean enabled, String title, List<String> fields, List<String> required, String consent)
      implements Serializable {

    /** The fields a lead form can ask for. */
    public static final List<String> FIELDS = LeadForm.FIELDS;
  }
}
