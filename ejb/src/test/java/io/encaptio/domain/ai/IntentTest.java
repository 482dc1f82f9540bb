package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntentTest {

  @Test
  void greetingsInSeveralLanguagesAreGreetings() {
    for (String hello :
        new String[] {"Hi", "hello there!", "Good morning", "Bonjour", "Hallo :)"}) {
      assertThat(Intent.of(hello)).as(hello).isEqualTo(Intent.GREETING);
    }
  }

  @Test
  void thanksAndChatterAreSmallTalk() {
    for (String chat : new String[] {"Thanks!", "thank you so much", "Who are you?", "ok", "bye"}) {
      assertThat(Intent.of(chat)).as(chat).isEqualTo(Intent.SMALL_TALK);
    }
  }

  @Test
  void requestsNoContentCanServeAreOutOfScope() {
    for (String off :
        new String[] {"Write me a poem about cats", "Tell me a joke", "what's the weather today"}) {
      assertThat(Intent.of(off)).as(off).isEqualTo(Intent.OUT_OF_SCOPE);
    }
  }

  @Test
  void aGreetingWithAQuestionIsAQuestion() {
    assertThat(Intent.of("Hi, what time is check-in?")).isEqualTo(Intent.QUESTION);
    assertThat(Intent.of("Thanks, and is parking included?")).isEqualTo(Intent.QUESTION);
    assertThat(Intent.of("Write down the address for me")).isEqualTo(Intent.QUESTION);
  }
}
