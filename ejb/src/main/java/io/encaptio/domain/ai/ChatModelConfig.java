package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A chat model the tenant configured: provider, model name, address (the provider's own unless
 * set), the API key sealed at rest (only its last four characters are ever shown), and the limits
 * and prices of a call. Tenant-scoped (META-INF/tenant-orm.xml).
 */
@Entity
@Table(name = "chat_model")
public class ChatModelConfig {

  /** What an editor may set; the key is sealed by the caller before it gets here. */
  public record Spec(
      String name,
      String provider,
      String model,
      String baseUrl,
      Integer timeoutSeconds,
      Double temperature,
      Integer maxOutputTokens,
      Long inputPriceMicros,
      Long outputPriceMicros) {}

  @Id private UUID id;

  @Column(nullable = false, length = 80)
  private String name;

  @Column(nullable = false, length = 16)
  private String provider;

  @Column(nullable = false, length = 120)
  private String model;

  @Column(name = "base_url", length = 500)
  private String baseUrl;

  @Column(name = "api_key_sealed")
  private String apiKeySealed;

  @Column(name = "api_key_hint", length = 8)
  private String apiKeyHint;

  @Column(name = "timeout_seconds", nullable = false)
  private int timeoutSeconds;

  @Column(nullable = false)
  private float temperature;

  @Column(name = "max_output_tokens", nullable = false)
  private int maxOutputTokens;

  @Column(name = "input_price_micros", nullable = false)
  private long inputPriceMicros;

  @Column(name = "output_price_micros", nullable = false)
  private long outputPriceMicros;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected ChatModelConfig() {}

  public static ChatModelConfig create(Spec spec) {
    ChatModelConfig config = new ChatModelConfig();
    config.id = UUID.randomUUID();
    config.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    config.change(spec);
    return config;
  }

  /**
   * @throws InvalidCapsuleException naming each field to fix
   */
  public void change(Spec spec) {
    Map<String, String> problems = new LinkedHashMap<>();
    String newName = spec.name() == null ? "" : spec.name().strip();
    if (newName.isEmpty() || newName.length() > 80) {
      problems.put("name", "Name the model configuration (1 to 80 characters).");
    }
    Provider chosen = Provider.of(spec.provider()).orElse(null);
    if (chosen == null) {
      problems.put("provider", "Choose openai, anthropic, gemini or ollama.");
    }
    if (spec.model() == null || spec.model().isBlank() || spec.model().length() > 120) {
      problems.put("model", "Name the provider's model, for example gpt-4o-mini.");
    }
    String address =
        spec.baseUrl() == null || spec.baseUrl().isBlank() ? null : spec.baseUrl().strip();
    if (address == null && chosen == Provider.OLLAMA) {
      problems.put(
          "baseUrl", "Give the address of your Ollama server, for example http://ollama:11434.");
    } else if (address != null && !httpAddress(address)) {
      problems.put("baseUrl", "Give an http(s) address, for example https://api.openai.com/v1.");
    }
    int timeout = spec.timeoutSeconds() == null ? 30 : spec.timeoutSeconds();
    if (timeout < 1 || timeout > 300) {
      problems.put("timeoutSeconds", "Choose 1 to 300 seconds.");
    }
    double temp = spec.temperature() == null ? 0.2 : spec.temperature();
    if (!(temp >= 0 && temp <= 2)) {
      problems.put("temperature", "Choose a temperature from 0 to 2.");
    }
    int maxTokens = spec.maxOutputTokens() == null ? 800 : spec.maxOutputTokens();
    if (maxTokens < 16 || maxTokens > 32_000) {
      problems.put("maxOutputTokens", "Choose 16 to 32,000 tokens.");
    }
    long inPrice = spec.inputPriceMicros() == null ? 0 : spec.inputPriceMicros();
    long outPrice = spec.outputPriceMicros() == null ? 0 : spec.outputPriceMicros();
    if (inPrice < 0 || outPrice < 0) {
      problems.put("price", "Prices can't be negative.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    name = newName;
    provider = chosen.id();
    model = spec.model().strip();
    baseUrl = address;
    timeoutSeconds = timeout;
    temperature = (float) temp;
    maxOutputTokens = maxTokens;
    inputPriceMicros = inPrice;
    outputPriceMicros = outPrice;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Stores a new key, sealed; {@code hint} is its last four characters. */
  public void useKey(String sealed, String hint) {
    apiKeySealed = sealed;
    apiKeyHint = hint;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The call, with the key as {@code openedKey} (null for none). */
  public ModelCall call(String openedKey) {
    return new ModelCall(
        id,
        name,
        provider(),
        model,
        baseUrl,
        openedKey,
        Duration.ofSeconds(timeoutSeconds),
        temperature,
        maxOutputTokens,
        inputPriceMicros,
        outputPriceMicros);
  }

  private static boolean httpAddress(String address) {
    try {
      URI uri = URI.create(address);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (IllegalArgumentException bad) {
      return false;
    }
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Provider provider() {
    return Provider.of(provider).orElseThrow();
  }

  public String model() {
    return model;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKeySealed() {
    return apiKeySealed;
  }

  public String apiKeyHint() {
    return apiKeyHint;
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  public double temperature() {
    return temperature;
  }

  public int maxOutputTokens() {
    return maxOutputTokens;
  }

  public long inputPriceMicros() {
    return inputPriceMicros;
  }

  public long outputPriceMicros() {
    return outputPriceMicros;
  }
}
