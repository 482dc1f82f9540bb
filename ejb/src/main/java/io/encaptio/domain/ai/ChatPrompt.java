package io.encaptio.domain.ai;

import java.util.List;

/**
 * What a chat model is sent: the system prompt (the capsule's persona and rules, then its content
 * as numbered passages between the delimiters, marked as data), the conversation so far and the
 * visitor's question.
 *
 * @param history earlier turns, oldest first; {@link Turn#visitor()} tells whose
 */
public record ChatPrompt(String system, List<Turn> history, String question) {

  public record Turn(boolean visitor, String text) {}

  public ChatPrompt {
    history = List.copyOf(history);
  }
}
