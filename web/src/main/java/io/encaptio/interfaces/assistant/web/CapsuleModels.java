package io.encaptio.interfaces.assistant.web;

import io.encaptio.application.ChatModelService;
import io.encaptio.application.ChatModelService.ChatModelDto;
import io.encaptio.application.ChatModelService.RoutingDto;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primefaces.model.DualListModel;

/**
 * The Assistant tab's "Answer with": which of the organization's chat models answer for the
 * capsule, in fallback order (chain A). Saved on every transfer and reorder; an A/B variant is set
 * through the API.
 */
@Named
@ViewScoped
public class CapsuleModels implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ChatModelService service;
  @Inject CapsulePage page;

  private DualListModel<String> chain;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private RoutingDto routing;

  public DualListModel<String> getChain() {
    if (chain == null && page.getCapsule() != null) {
      List<ChatModelDto> models = service.models();
      models.forEach(
          m ->
              labels.put(
                  m.id().toString(), m.name() + " (" + m.provider() + ":" + m.model() + ")"));
      routing = service.routing(page.getCapsule().id());
      List<String> chosen = routing.primary().stream().map(UUID::toString).toList();
      List<String> available =
          models.stream().map(m -> m.id().toString()).filter(id -> !chosen.contains(id)).toList();
      chain = new DualListModel<>(new ArrayList<>(available), new ArrayList<>(chosen));
    }
    return chain;
  }

  public void setChain(DualListModel<String> chain) {
    this.chain = chain;
  }

  public String label(String id) {
    return labels.getOrDefault(id, id);
  }

  public boolean isAnyModel() {
    return getChain() != null && !labels.isEmpty();
  }

  public void save() {
    try {
      routing =
          service.changeRouting(
              page.getCapsule().id(),
              new RoutingDto(
                  chain.getTarget().stream().map(UUID::fromString).toList(),
                  routing.challenger(),
                  routing.challengerShare()));
      PageMessages.inform(
          "Models saved",
          routing.primary().isEmpty()
              ? "Answers are composed from the content, without a model."
              : "Answers come from the first model; the next ones take over when it fails.");
    } catch (RuntimeException e) {
      PageMessages.failed("The models were not changed", e);
    }
  }
}
