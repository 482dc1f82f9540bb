package io.encaptio.application.internal;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.ConversationSummary;
import io.encaptio.domain.ai.SecretBox;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.EmbedTokenException;
import io.encaptio.domain.capsule.EmbedTokens;
import io.encaptio.domain.capsule.VisitorAccess;
import io.encaptio.domain.capsule.VisitorAccessCache;
import io.encaptio.domain.event.OutboxRepository;
import io.encaptio.domain.lead.Lead;
import io.encaptio.domain.lead.LeadRepository;
import io.encaptio.tenancy.application.Evictions;
import io.encaptio.tenancy.application.PublicKeyRegistry;
import io.encaptio.tenancy.application.ShareSlugRegistry;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(DeliveryService.class)
public class DefaultDeliveryService implements DeliveryService {

  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject LeadRepository leads;
  @Inject OutboxRepository outbox;
  @Inject SecretBox secrets;
  @Inject PublicKeyRegistry publicKeys;
  @Inject ShareSlugRegistry shareSlugs;
  @Inject VisitorAccessCache policies;
  @Inject Evictions evictions;

  @Override
  public DeliveryDto delivery(UUID capsuleId) {
    return toDto(require(capsuleId));
  }

  @Override
  public DeliveryDto changeDelivery(UUID capsuleId, DeliveryChange change) {
    Capsule capsule = require(capsuleId);
    capsule.changeDelivery(
        change.allowedOrigins() == null ? capsule.allowedOrigins() : change.allowedOrigins(),
        change.requireSignedToken() == null
            ? capsule.requiresEmbedToken()
            : change.requireSignedToken());
    evictions.evict(() -> policies.forget(capsuleId));
    return toDto(capsule);
  }

  @Override
  public String shareSlug(UUID capsuleId) {
    Capsule capsule = require(capsuleId);
    return shareSlugs.slugFor(capsule.id(), capsule.name());
  }

  @Override
  public String newEmbedSecret(UUID capsuleId) {
    Capsule capsule = require(capsuleId);
    String secret = EmbedTokens.newSecret();
    capsule.useEmbedSecret(secrets.seal(secret));
    return secret;
  }

  @Override
  public Optional<AccessDto> policy(UUID capsuleId) {
    Optional<VisitorAccess> cached = policies.get(capsuleId);
    if (cached.isEmpty()) {
      cached =
          capsules
              .find(capsuleId)
              .map(c -> new VisitorAccess(c.allowedOrigins(), c.requiresEmbedToken()));
      cached.ifPresent(p -> policies.put(capsuleId, p));
    }
    return cached.map(p -> new AccessDto(p.allowedOrigins(), p.requireSignedToken()));
  }

  @Override
  public String verifyEmbedToken(UUID capsuleId, String publicKey, String token) {
    Capsule capsule = require(capsuleId);
    if (capsule.embedSecretSealed() == null) {
      throw new EmbedTokenException(
          EmbedTokenException.Reason.INVALID,
          "This capsule has no embed secret yet, so no token can be valid; leave the token out"
              + " or create the secret in the capsule's Publish tab.");
    }
    return EmbedTokens.verify(
            token, secrets.open(capsule.embedSecretSealed()), publicKey, Instant.now())
        .subject();
  }

  @Override
  public List<ConversationSummaryDto> conversations(
      UUID capsuleId, int max, boolean unansweredOnly) {
    require(capsuleId);
    return conversations.summaries(capsuleId, max, unansweredOnly, null).stream()
        .map(DefaultDeliveryService::toDto)
        .toList();
  }

  private static ConversationSummaryDto toDto(ConversationSummary s) {
    return new ConversationSummaryDto(
        s.id(),
        s.channel(),
        s.startedBy(),
        s.origin(),
        s.startedAt(),
        s.lastAt(),
        s.questions(),
        s.unanswered(),
        s.thumbsUp(),
        s.thumbsDown(),
        s.leadId());
  }

  @Override
  public ConversationDetailDto conversation(UUID capsuleId, UUID conversationId) {
    require(capsuleId);
    ConversationSummary summary =
        conversations.summaries(capsuleId, 1, false, conversationId).stream()
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("No visitor conversation " + conversationId + "."));
    return new ConversationDetailDto(
        toDto(summary),
        conversations.messages(conversationId).stream()
            .map(DefaultAssistantService::toDto)
            .toList(),
        summary.leadId() == null
            ? null
            : leads
                .find(summary.leadId())
                .map(l -> toDto(l, leads.conversationsByLead(capsuleId)))
                .orElse(null));
  }

  @Override
  public List<LeadDto> leads(UUID capsuleId, int max) {
    require(capsuleId);
    Map<UUID, List<UUID>> conversationsByLead = leads.conversationsByLead(capsuleId);
    return leads.ofCapsule(capsuleId, max).stream()
        .map(l -> toDto(l, conversationsByLead))
        .toList();
  }

  @Override
  public List<OutboxEventDto> events(String kind, int max) {
    return outbox.latest(kind, max).stream()
        .map(e -> new OutboxEventDto(e.id(), e.kind(), e.capsuleId(), e.payload(), e.createdAt()))
        .toList();
  }

  private Capsule require(UUID capsuleId) {
    return capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private DeliveryDto toDto(Capsule capsule) {
    return new DeliveryDto(
        publicKeys.keyFor(capsule.id()),
        capsule.allowedOrigins(),
        capsule.requiresEmbedToken(),
        capsule.embedSecretSealed() != null);
  }

  private static LeadDto toDto(Lead lead, Map<UUID, List<UUID>> conversationsByLead) {
    return new LeadDto(
        lead.id(),
        lead.email(),
        lead.name(),
        lead.phone(),
        lead.company(),
        lead.message(),
        lead.consent(),
        lead.submissions(),
        lead.firstAt(),
        lead.lastAt(),
        conversationsByLead.getOrDefault(lead.id(), List.of()));
  }
}
