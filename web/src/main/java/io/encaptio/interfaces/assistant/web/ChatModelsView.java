package io.encaptio.interfaces.assistant.web;

import io.encaptio.application.ChatModelService;
import io.encaptio.application.ChatModelService.ChatModelDto;
import io.encaptio.application.ChatModelService.ModelSpec;
import io.encaptio.application.access.Permission;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The organization's chat models: everyone sees them (keys as their last four characters only);
 * owners add and remove them. Capsules choose among them (API: {@code …/assistant/routing}).
 */
@Named
@ViewScoped
public class ChatModelsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ChatModelService service;
  @Inject Access access;

  private List<ChatModelDto> models;
  private String name;
  private String provider = "openai";
  private String model;
  private String baseUrl;
  private String apiKey;
  private Integer timeoutSeconds = 30;
  private Double temperature = 0.2;
  private Integer maxOutputTokens = 800;
  private Double inputPrice;
  private Double outputPrice;

  @PostConstruct
  void init() {
    models = service.models();
  }

  /** Whether the person manages the organization's chat models (admins and owners). */
  public boolean isOwner() {
    return access.can(Permission.MANAGE_ORGANIZATION);
  }

  public void add() {
    try {
      service.add(
          new ModelSpec(
              name,
              provider,
              model,
              baseUrl,
              timeoutSeconds,
              temperature,
              maxOutputTokens,
              micros(inputPrice),
              micros(outputPrice)),
          apiKey);
      PageMessages.inform("Chat model added", name + " can now be chosen by capsules.");
      models = service.models();
      name = null;
      model = null;
      baseUrl = null;
      apiKey = null;
    } catch (RuntimeException e) {
      PageMessages.failed("The chat model was not added", e, "newModel");
    }
  }

  public void remove(UUID id) {
    try {
      service.remove(id);
      models = service.models();
      PageMessages.inform("Chat model removed", "Its key is gone with it.");
    } catch (RuntimeException e) {
      PageMessages.failed("The chat model was not removed", e);
    }
  }

  /** US dollars per million tokens, as millionths of a dollar. */
  private static Long micros(Double dollars) {
    return dollars == null ? null : Math.round(dollars * 1_000_000);
  }

  public List<ChatModelDto> getModels() {
    return models;
  }

  public List<String> getProviders() {
    return List.of("openai", "anthropic", "gemini", "ollama");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Double getTemperature() {
    return temperature;
  }

  public void setTemperature(Double temperature) {
    this.temperature = temperature;
  }

  public Integer getMaxOutputTokens() {
    return maxOutputTokens;
  }

  public void setMaxOutputTokens(Integer maxOutputTokens) {
    this.maxOutputTokens = maxOutputTokens;
  }

  public Double getInputPrice() {
    return inputPrice;
  }

  public void setInputPrice(Double inputPrice) {
    this.inputPrice = inputPrice;
  }

  public Double getOutputPrice() {
    return outputPrice;
  }

  public void setOutputPrice(Double outputPrice) {
    this.outputPrice = outputPrice;
  }
}
