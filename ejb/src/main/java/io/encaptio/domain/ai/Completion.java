package io.encaptio.domain.ai;

/** A chat model's whole answer with the provider's token counts. */
public record Completion(String text, int inputTokens, int outputTokens) {}
