package io.encaptio.domain.ai;

import java.time.Duration;
import java.util.UUID;

/**
 * One chat model as the pipeline calls it: the tenant's configuration with its API key opened (in
 * memory only, for the call), the limits of the call and the prices that make its cost.
 *
 * @param inputMicrosPerMillion price of a million input tokens in millionths of a US dollar
 */
public record ModelCall(
    UUID configId,
    String name,
    Provider provider,
    String model,
    String baseUrl,
    String apiKey,
    Duration timeout,
    double temperature,
    int maxOutputTokens,
    long inputMicrosPerMillion,
    long outputMicrosPerMillion) {

  /** What the answer cost, from the provider's token counts. */
  public long costMicros(int inputTokens, int outputTokens) {
    return (inputTokens * inputMicrosPerMillion + outputTokens * outputMicrosPerMillion)
        / 1_000_000;
  }

  /** "provider:model", as messages record it. */
  public String label() {
    return provider.id() + ":" + model;
  }

  @Override
  public String toString() { // never the key
    return "ModelCall[" + name + ", " + label() + ", " + baseUrl + "]";
  }
}
