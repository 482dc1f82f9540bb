package io.encaptio.interfaces.capsule.web;

import io.encaptio.domain.capsule.ActionButton;
import io.encaptio.domain.capsule.CapsuleSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  private final List<ActionRow> actions = new ArrayList<>();

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

  static DraftForm of(String name, CapsuleSettings settings) {
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
    for (ActionButton button : settings.actions()) {
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
  CapsuleSettings toSettings() {
    List<String> questions =
        suggestedQuestions == null
            ? List.of()
            : Arrays.stream(suggestedQuestions.split("\\R"))
                .map(String::strip)
                .filter(q -> !q.isEmpty())
                .toList();
    List<ActionButton> buttons =
        actions.stream()
            .filter(a -> !blank(a.label) || !blank(a.url))
            .map(a -> new ActionButton(strip(a.label), strip(a.url)))
            .toList();
    return new CapsuleSettings(
        persona,
        tone,
        instructions,
        welcomeMessage,
        questions,
        answerLength,
        language,
        noAnswerText,
        buttons);
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
}
