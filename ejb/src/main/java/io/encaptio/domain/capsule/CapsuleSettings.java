package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.List;

/**
 * What the assistant of a capsule is like: persona, tone and instructions for the answers, what it
 * says first and when the content has no answer, suggested questions, action buttons, the lead
 * form, how it looks (brand), and whether personal data (e-mail addresses, phone and account
 * numbers) is redacted from answers. A draft holds one; a published version keeps a copy that never
 * changes.
 */
public record CapsuleSettings(
    String persona,
    String tone,
    String instructions,
    String welcomeMessage,
    List<String> suggestedQuestions,
    String answerLength,
    String language,
    String noAnswerText,
    List<ActionButton> actions,
    Brand brand,
    LeadForm leadForm,
    Boolean redactPersonalData)
    implements Serializable {

  public CapsuleSettings {
    suggestedQuestions = suggestedQuestions == null ? List.of() : List.copyOf(suggestedQuestions);
    actions = actions == null ? List.of() : List.copyOf(actions);
    answerLength = answerLength == null ? "medium" : answerLength;
    language = language == null ? "en" : language;
    brand = brand == null ? Brand.DEFAULT : brand;
    leadForm = leadForm == null ? LeadForm.NONE : leadForm;
    redactPersonalData = Boolean.TRUE.equals(redactPersonalData);
  }

  /**
   * Settings with the default brand and no lead form (templates start so). A factory, not a second
   * constructor: JSON-B builds records through their only constructor.
   */
  public static CapsuleSettings of(
      String persona,
      String tone,
      String instructions,
      String welcomeMessage,
      List<String> suggestedQuestions,
      String answerLength,
      String language,
      String noAnswerText,
      List<ActionButton> actions) {
    return new CapsuleSettings(
        persona,
        tone,
        instructions,
        welcomeMessage,
        suggestedQuestions,
        answerLength,
        language,
        noAnswerText,
        actions,
        null,
        null,
        false);
  }

  public CapsuleSettings withBrand(Brand newBrand) {
    return new CapsuleSettings(
        persona,
        tone,
        instructions,
        welcomeMessage,
        suggestedQuestions,
        answerLength,
        language,
        noAnswerText,
        actions,
        newBrand,
        leadForm,
        redactPersonalData);
  }

  public CapsuleSettings withLeadForm(LeadForm newLeadForm) {
    return new CapsuleSettings(
        persona,
        tone,
        instructions,
        welcomeMessage,
        suggestedQuestions,
        answerLength,
        language,
        noAnswerText,
        actions,
        brand,
        newLeadForm,
        redactPersonalData);
  }
}
