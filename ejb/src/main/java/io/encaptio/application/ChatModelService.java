package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's chat models (keys sealed at rest, never shown again: only their last four
 * characters), which of them each capsule answers with (a fallback chain, and an optional variant B
 * for an A/B comparison), and how the variants compare.
 */
public interface ChatModelService {

  record ChatModelDto(
      UUID id,
      String name,
      String provider,
      String model,
      String baseUrl,
      boolean apiKeySet,
      String apiKeyHint,
      int timeoutSeconds,
      double temperature,
      int maxOutputTokens,
      long inputPriceMicros,
      long outputPriceMicros)
      implements Serializable {}

  /**
   * A model's settings: a name people know it by, the provider (openai, anthropic, gemini, ollama),
   * the provider's model id, an address (required for Ollama, optional otherwise), the time it may
   * take, its temperature and longest answer, and its prices per million tokens in micro-units of
   * the tenant's currency. Left out (null): the provider's defaults.
   */
  record ModelSpec(
      String name,
      String provider,
      String model,
      String baseUrl,
      Integer timeoutSeconds,
      Double temperature,
      Integer maxOutputTokens,
      Long inputPriceMicros,
      Long outputPriceMicros)
      implements Serializable {}

  record RoutingDto(List<UUID> primary, List<UUID> challenger, int challengerShare)
      implements Serializable {}

  /**
   * One variant's figures over the capsule's assistant messages answering questions.
   *
   * @param answerRate answered or hedged, of the questions
   * @param positiveFeedback thumbs up, of the answers given feedback (null without feedback)
   */
  record VariantDto(
      String variant,
      long questions,
      double answerRate,
      long feedback,
      Double positiveFeedback,
      Integer latencyP50Millis,
      Integer latencyP95Millis,
      long costMicros)
      implements Serializable {}

  @Requires(Permission.VIEW_CAPSULES)
  List<ChatModelDto> models();

  /**
   * @param apiKey the provider's key (required except for Ollama), sealed before it is stored
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException by field, for bad settings, a
   *     missing key or an address in a private network
   * @throws IllegalStateException when no secrets key is configured, or the name is taken
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("chat_model.added")
  ChatModelDto add(ModelSpec spec, String apiKey);

  /** Changes the settings; {@code apiKey} null keeps the stored key. */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("chat_model.changed")
  ChatModelDto change(UUID id, ModelSpec spec, String apiKey);

  /**
   * @throws IllegalStateException while a capsule answers with it, naming the capsules
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("chat_model.removed")
  void remove(UUID id);

  @Requires(Permission.VIEW_CAPSULES)
  RoutingDto routing(UUID capsuleId);

  /**
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for unknown models or a bad share
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.routing_changed")
  RoutingDto changeRouting(UUID capsuleId, RoutingDto routing);

  /** Answer rate, feedback, latency and cost per variant of the capsule's answers so far. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<VariantDto> experiment(UUID capsuleId);
}
