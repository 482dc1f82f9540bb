package io.encaptio.interfaces.assistant.web;

import io.encaptio.application.AssistantService;
import io.encaptio.application.AssistantService.AnswerDto;

/**
 * An answer being made on a worker thread while the playground polls: the tokens so far (cleared
 * when a model failed mid-way and the next one starts over), then the checked answer or the
 * failure. Shared between the worker and the page's requests, hence synchronized.
 */
final class PendingAnswer {

  private final StringBuilder streamed = new StringBuilder();
  private AnswerDto answer;
  private RuntimeException failure;

  synchronized void token(String token) {
    if (AssistantService.RESTART.equals(token)) {
      streamed.setLength(0);
    } else {
      streamed.append(token);
    }
  }

  synchronized void answered(AnswerDto done) {
    answer = done;
  }

  synchronized void failed(RuntimeException error) {
    failure = error;
  }

  synchronized String streamed() {
    return streamed.toString();
  }

  synchronized boolean done() {
    return answer != null || failure != null;
  }

  synchronized AnswerDto answer() {
    return answer;
  }

  synchronized RuntimeException failure() {
    return failure;
  }
}
