package io.encaptio.application.internal;

import io.encaptio.application.ChatModelService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.ai.AddressPolicy;
import io.encaptio.domain.ai.ChatModelConfig;
import io.encaptio.domain.ai.ChatModelConfig.Spec;
import io.encaptio.domain.ai.ChatModelRepository;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.SecretBox;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.ModelRouting;
import io.encaptio.domain.shared.ConflictException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(ChatModelService.class)
public class DefaultChatModelService implements ChatModelService {

  @Inject ChatModelRepository models;
  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject SecretBox secrets;
  @Inject AddressPolicy addresses;

  @Override
  public List<ChatModelDto> models() {
    return models.all().stream().map(DefaultChatModelService::toDto).toList();
  }

  @Override
  public ChatModelDto add(ModelSpec spec, String apiKey) {
    ChatModelConfig config = ChatModelConfig.create(toSpec(spec));
    requireFreeName(config.name(), null);
    checkAddress(config);
    if (config.provider().needsApiKey() && (apiKey == null || apiKey.isBlank())) {
      throw new InvalidCapsuleException(
          Map.of("apiKey", "Give the API key of your " + config.provider().id() + " account."));
    }
    useKey(config, apiKey);
    models.add(config);
    return toDto(config);
  }

  @Override
  public ChatModelDto change(UUID id, ModelSpec spec, String apiKey) {
    ChatModelConfig config = require(id);
    config.change(toSpec(spec));
    requireFreeName(config.name(), id);
    checkAddress(config);
    if (apiKey != null && !apiKey.isBlank()) {
      useKey(config, apiKey);
    }
    return toDto(config);
  }

  private static Spec toSpec(ModelSpec s) {
    return new Spec(
        s.name(),
        s.provider(),
        s.model(),
        s.baseUrl(),
        s.timeoutSeconds(),
        s.temperature(),
        s.maxOutputTokens(),
        s.inputPriceMicros(),
        s.outputPriceMicros());
  }

  @Override
  public void remove(UUID id) {
    ChatModelConfig config = require(id);
    List<String> users = capsules.namesAnsweringWith(id);
    if (!users.isEmpty()) {
      throw new ConflictException(
          "These capsules answer with \""
              + config.name()
              + "\": "
              + String.join(", ", users)
              + ". Choose other models for them first.");
    }
    models.remove(config);
  }

  @Override
  public RoutingDto routing(UUID capsuleId) {
    return toDto(requireCapsule(capsuleId).routing());
  }

  @Override
  public RoutingDto changeRouting(UUID capsuleId, RoutingDto routing) {
    Capsule capsule = requireCapsule(capsuleId);
    ModelRouting wanted =
        new ModelRouting(routing.primary(), routing.challenger(), routing.challengerShare());
    Map<String, String> unknown = new LinkedHashMap<>();
    for (UUID id : wanted.primary()) {
      if (models.find(id).isEmpty()) {
        unknown.put("primary", "No chat model " + id + " in this organization.");
      }
    }
    for (UUID id : wanted.challenger()) {
      if (models.find(id).isEmpty()) {
        unknown.put("challenger", "No chat model " + id + " in this organization.");
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidCapsuleException(unknown);
    }
    capsule.changeRouting(wanted);
    return toDto(capsule.routing());
  }

  @Override
  public List<VariantDto> experiment(UUID capsuleId) {
    requireCapsule(capsuleId);
    return conversations.variants(capsuleId).stream()
        .map(
            v ->
                new VariantDto(
                    v.variant(),
                    v.questions(),
                    v.questions() == 0 ? 0 : (double) v.answered() / v.questions(),
                    v.feedback(),
                    v.feedback() == 0 ? null : (double) v.positive() / v.feedback(),
                    v.latencyP50Millis(),
                    v.latencyP95Millis(),
                    v.costMicros()))
        .toList();
  }

  private void useKey(ChatModelConfig config, String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return;
    }
    String key = apiKey.strip();
    config.useKey(
        secrets.seal(key), key.length() <= 4 ? "…" : "…" + key.substring(key.length() - 4));
  }

  private void checkAddress(ChatModelConfig config) {
    if (config.baseUrl() != null) {
      addresses
          .refusal(config.baseUrl())
          .ifPresent(
              refusal -> {
                throw new InvalidCapsuleException(Map.of("baseUrl", refusal));
              });
    }
  }

  private void requireFreeName(String name, UUID self) {
    for (ChatModelConfig other : models.all()) {
      if (other.name().equalsIgnoreCase(name) && !other.id().equals(self)) {
        throw new InvalidCapsuleException(
            Map.of("name", "Another model configuration is called \"" + name + "\"."));
      }
    }
  }

  private ChatModelConfig require(UUID id) {
    return models
        .find(id)
        .orElseThrow(() -> new NotFoundException("No chat model " + id + " in this organization."));
  }

  private Capsule requireCapsule(UUID capsuleId) {
    return capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private static RoutingDto toDto(ModelRouting routing) {
    return new RoutingDto(
        new ArrayList<>(routing.primary()),
        new ArrayList<>(routing.challenger()),
        routing.challengerShare());
  }

  static ChatModelDto toDto(ChatModelConfig config) {
    return new ChatModelDto(
        config.id(),
        config.name(),
        config.provider().id(),
        config.model(),
        config.baseUrl(),
        config.apiKeySealed() != null,
        config.apiKeyHint(),
        config.timeoutSeconds(),
        config.temperature(),
        config.maxOutputTokens(),
        config.inputPriceMicros(),
        config.outputPriceMicros());
  }
}
