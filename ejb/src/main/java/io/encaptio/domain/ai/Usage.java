package io.encaptio.domain.ai;

import java.io.Serializable;

/**
 * What an answer cost: the model that made it ("extractive" without a chat model), the A/B variant,
 * tokens in and out (the provider's count, or the embedding tokenizer's for extractive answers),
 * and the price in millionths of a US dollar.
 */
public record Usage(
    String model, String variant, int inputTokens, int outputTokens, long costMicros)
    implements Serializable {

  public static final String EXTRACTIVE = "extractive";

  public static Usage none() {
    return new Usage(null, null, 0, 0, 0);
  }

  public Usage withVariant(String newVariant) {
    return new Usage(model, newVariant, inputTokens, outputTokens, costMicros);
  }
}
