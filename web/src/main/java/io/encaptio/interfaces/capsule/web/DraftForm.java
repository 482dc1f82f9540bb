package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleSettingsDto;
import io.encaptio.application.CapsuleSettingsDto.ActionDto;
import io.encaptio.application.CapsuleSettingsDto.BrandSettingsDto;
import io.encaptio.application.CapsuleSettingsDto.LeadFormDto;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The editor's fields of a draft, as the page binds them; converted to settings on save. */
public class DraftForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String persona;
  private String tone;
  private String instructions;
  private String welcomeMessage;
  private String suggestedQuestions;
  private String answerLength;
  private String language;
  private String noAnswerText;
  private boolean redactPersonalData;
  private final List<ActionRow> actions = new ArrayList<>();
  private UUID logo;
  private UUID avatar;
  private String primaryColor;
  private String font;
  private String theme;
  private String launcherPosition;
  private boolean leadEnabled;
  private String leadTitle;
  private List<String> leadFields = new ArrayList<>();
  private List<String> leadRequired = new ArrayList<>();
  private String leadConsent;

  /** One action button being edited. */
  public static class ActionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String label;
    private String url;

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  static DraftForm of(String name, CapsuleSettingsDto settings) {
    DraftForm form = new DraftForm();
    form.name = name;
    form.persona = settings.persona();
    form.tone = settings.tone();
    form.instructions = settings.instructions();
    form.welcomeMessage = settings.welcomeMessage();
    form.suggestedQuestions = String.join("\n", settings.suggestedQuestions());
    form.answerLength = settings.answerLength();
    form.language = settings.language();
    form.noAnswerText = settings.noAnswerText();
    form.redactPersonalData = Boolean.TRUE.equals(settings.redactPersonalData());
    BrandSettingsDto brand = settings.brand();
    form.logo = brand.logo();
    form.avatar = brand.avatar();
    form.primaryColor = brand.primaryColor();
    form.font = brand.font();
    form.theme = brand.theme();
    form.launcherPosition = brand.launcherPosition();
    LeadFormDto lead = settings.leadForm();
    form.leadEnabled = lead.enabled();
    form.leadTitle = lead.title();
    form.leadFields = new ArrayList<>(lead.fields());
    form.leadRequired = new ArrayList<>(lead.required());
    form.leadConsent = lead.consent();
    for (ActionDto button : settings.actions()) {
      ActionRow row = new ActionRow();
      row.label = button.label();
      row.url = button.url();
      form.actions.add(row);
    }
    return form;
  }

  /**
   * The settings as typed: one suggested question per non-empty line; empty action rows dropped.
   */
  CapsuleSettingsDto toSettings() {
    List<String> questions =
        suggestedQuestions == null
            ? List.of()
            : Arrays.stream(suggestedQuestions.split("\\R"))
                .map(String::strip)
                .filter(q -> !q.isEmpty())
                .toList();
    List<ActionDto> buttons =
        actions.stream()
            .filter(a -> !blank(a.label) || !blank(a.url))
            .map(a -> new ActionDto(strip(a.label), strip(a.url)))
            .toList();
    return new CapsuleSettingsDto(
        persona,
        tone,
        instructions,
        welcomeMessage,
        questions,
        answerLength,
        language,
        noAnswerText,
        buttons,
        new BrandSettingsDto(logo, avatar, primaryColor, font, theme, launcherPosition),
        new LeadFormDto(
            leadEnabled,
            strip(leadTitle),
            leadFields,
            leadRequired.stream().filter(leadFields::contains).toList(),
            strip(leadConsent)),
        redactPersonalData);
  }

  /** A brand image just uploaded (it is in the saved draft already). */
  void useImage(String kind, UUID asset) {
    if ("logo".equals(kind)) {
      logo = asset;
    } else {
      avatar = asset;
    }
  }

  public void addAction() {
    actions.add(new ActionRow());
  }

  public void removeAction(ActionRow row) {
    actions.remove(row);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  public List<ActionRow> getActions() {
    return actions;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPersona() {
    return persona;
  }

  public void setPersona(String persona) {
    this.persona = persona;
  }

  public String getTone() {
    return tone;
  }

  public void setTone(String tone) {
    this.tone = tone;
  }

  public String getInstructions() {
    return instructions;
  }

  public void setInstructions(String instructions) {
    this.instructions = instructions;
  }

  public String getWelcomeMessage() {
    return welcomeMessage;
  }

  public void setWelcomeMessage(String welcomeMessage) {
    this.welcomeMessage = welcomeMessage;
  }

  public String getSuggestedQuestions() {
    return suggestedQuestions;
  }

  public void setSuggestedQuestions(String suggestedQuestions) {
    this.suggestedQuestions = suggestedQuestions;
  }

  public String getAnswerLength() {
    return answerLength;
  }

  public void setAnswerLength(String answerLength) {
    this.answerLength = answerLength;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getNoAnswerText() {
    return noAnswerText;
  }

  public void setNoAnswerText(String noAnswerText) {
    this.noAnswerText = noAnswerText;
  }

  public boolean isRedactPersonalData() {
    return redactPersonalData;
  }

  public void setRedactPersonalData(boolean redactPersonalData) {
    this.redactPersonalData = redactPersonalData;
  }

  public UUID getLogo() {
    return logo;
  }

  public UUID getAvatar() {
    return avatar;
  }

  public String getPrimaryColor() {
    return primaryColor;
  }

  public void setPrimaryColor(String primaryColor) {
    this.primaryColor = primaryColor;
  }

  public String getFont() {
    return font;
  }

  public void setFont(String font) {
    this.font = font;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public String getLauncherPosition() {
    return launcherPosition;
  }

  public void setLauncherPosition(String launcherPosition) {
    this.launcherPosition = launcherPosition;
  }

  public boolean isLeadEnabled() {
    return leadEnabled;
  }

  public void setLeadEnabled(boolean leadEnabled) {
    this.leadEnabled = leadEnabled;
  }

  public String getLeadTitle() {
    return leadTitle;
  }

  public void setLeadTitle(String leadTitle) {
    this.leadTitle = leadTitle;
  }

  public List<String> getLeadFields() {
    return leadFields;
  }

  public void setLeadFields(List<String> leadFields) {
    this.leadFields = leadFields == null ? new ArrayList<>() : new ArrayList<>(leadFields);
  }

  public List<String> getLeadRequired() {
    return leadRequired;
  }

  public void setLeadRequired(List<String> leadRequired) {
    this.leadRequired = leadRequired == null ? new ArrayList<>() : new ArrayList<>(leadRequired);
  }

  public String getLeadConsent() {
    return leadConsent;
  }

  public void setLeadConsent(String leadConsent) {
    this.leadConsent = leadConsent;
  }
}
