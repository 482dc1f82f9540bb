package io.encaptio.domain.ai;

/** Seals secrets (API keys) for storage and opens them for use; nothing else ever sees them. */
public interface SecretBox {

  /**
   * @throws IllegalStateException when no secrets key is configured, saying how to configure one
   */
  String seal(String secret);

  String open(String sealed);
}
