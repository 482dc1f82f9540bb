package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.List;

/**
 * What the assistant of a capsule is like: persona, tone and instructions for the answers, what it
 * says first and when the content has no answer, suggested questions and action buttons. A draft
 * holds one; a published version keeps a copy that never changes.
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
    List<ActionButton> actions)
    implements Serializable {

  public CapsuleSettings {
    suggestedQuestions = suggestedQuestions == null ? List.of() : List.copyOf(suggestedQuestions);
    actions = actions == null ? List.of() : List.copyOf(actions);
    answerLength = answerLength == null ? "medium" : answerLength;
    language = language == null ? "en" : language;
  }
}
