package io.encaptio.domain.ai;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The chat-model providers a tenant can configure, with each one's public API address. */
public enum Provider {
  OPENAI("https://api.openai.com/v1"),
  ANTHROPIC("https://api.anthropic.com/v1/"),
  GEMINI("https://generativelanguage.googleapis.com/v1beta"),
  /** Self-hosted: no public address, the tenant names its server. */
  OLLAMA(null);

  private final String defaultBaseUrl;

  Provider(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  public Optional<String> defaultBaseUrl() {
    return Optional.ofNullable(defaultBaseUrl);
  }

  /** Ollama runs without keys; the hosted providers need one. */
  public boolean needsApiKey() {
    return this != OLLAMA;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Provider> of(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
  }
}
