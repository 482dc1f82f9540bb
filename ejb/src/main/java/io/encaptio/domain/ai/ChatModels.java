package io.encaptio.domain.ai;

import java.util.function.Consumer;

/** Chat models of external providers, called with streaming. */
public interface ChatModels {

  /**
   * Streams the answer to {@code tokens} as it comes and returns it whole.
   *
   * @throws ChatModelFailure when the model does not answer within the call's timeout, answers an
   *     HTTP error, or the connection fails
   */
  Completion stream(ModelCall call, ChatPrompt prompt, Consumer<String> tokens);
}
