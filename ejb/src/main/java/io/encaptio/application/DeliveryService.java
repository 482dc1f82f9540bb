package io.encaptio.application;

import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.domain.capsule.AllowedOrigins;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * How a capsule reaches visitors and what they left: the origins allowed to use it, signed embed
 * tokens (the capsule's secret), the checks every public call passes, and, for the portal, the
 * capsule's visitor conversations (the inbox), its leads and the events integrations receive.
 */
public interface DeliveryService {

  /**
   * @param publicKey the key the widget's {@code data-capsule} and the public API name
   * @param hasEmbedSecret whether a secret exists (it is shown once, when made)
   */
  record DeliveryDto(
      String publicKey,
      List<String> allowedOrigins,
      boolean requireSignedToken,
      boolean hasEmbedSecret)
      implements Serializable {}

  /** A null field keeps its current value. */
  record DeliveryChange(List<String> allowedOrigins, Boolean requireSignedToken)
      implements Serializable {}

  record LeadDto(
      UUID id,
      String email,
      String name,
      String phone,
      String company,
      String message,
      String consent,
      int submissions,
      OffsetDateTime firstAt,
      OffsetDateTime lastAt,
      List<UUID> conversations)
      implements Serializable {}

  /**
   * A visitor conversation as the inbox lists it: who, where from, when, how many questions, how
   * many the content could not answer, the thumbs, and the lead it produced.
   */
  record ConversationSummaryDto(
      UUID id,
      String channel,
      String startedBy,
      String origin,
      OffsetDateTime startedAt,
      OffsetDateTime lastAt,
      int questions,
      int unanswered,
      int thumbsUp,
      int thumbsDown,
      UUID leadId)
      implements Serializable {}

  record ConversationDetailDto(
      ConversationSummaryDto summary, List<MessageDto> messages, LeadDto lead)
      implements Serializable {}

  /** Who may use a capsule: what every public call of it is checked against. */
  record AccessDto(List<String> allowedOrigins, boolean requireSignedToken)
      implements Serializable {

    /**
     * Whether a page of {@code origin} (a browser's Origin header) may use the capsule: its origin
     * is listed, or a {@code *.} entry admits it as a subdomain.
     */
    public boolean admits(String origin) {
      return AllowedOrigins.allows(allowedOrigins, origin);
    }
  }

  record OutboxEventDto(UUID id, String kind, UUID capsuleId, String payload, OffsetDateTime at)
      implements Serializable {}

  @Requires(Permission.VIEW_CAPSULES)
  DeliveryDto delivery(UUID capsuleId);

  /**
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an entry that is not an origin
   * @throws IllegalStateException when tokens are required before a secret exists
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.delivery_changed")
  DeliveryDto changeDelivery(UUID capsuleId, DeliveryChange change);

  /**
   * The readable name of the capsule's share page ({@code /c/{slug}}): made from the capsule's name
   * the first time it is asked for and kept after that, so printed links and QR codes go on working
   * when the capsule is renamed.
   */
  @Requires(Permission.VIEW_CAPSULES)
  String shareSlug(UUID capsuleId);

  /**
   * Makes a new embed secret and returns it: the only time it is shown. Tokens signed with the old
   * one stop working.
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("capsule.embed_secret_made")
  String newEmbedSecret(UUID capsuleId);

  /**
   * The capsule's policy for visitors; empty when the tenant has no such capsule. Cached for a few
   * seconds (a change made on this node applies at once, on other nodes within the cache's life).
   */
  @Requires(Permission.VISIT)
  java.util.Optional<AccessDto> policy(UUID capsuleId);

  /**
   * Checks a visitor's embed token against the capsule's secret.
   *
   * @return the visitor's identity the token carries ({@code sub}), or null for none
   * @throws io.encaptio.domain.capsule.EmbedTokenException saying what is wrong with it
   */
  @Requires(Permission.VISIT)
  String verifyEmbedToken(UUID capsuleId, String publicKey, String token);

  /** The capsule's visitor conversations, latest first; only those with unanswered questions. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<ConversationSummaryDto> conversations(UUID capsuleId, int max, boolean unansweredOnly);

  @Requires(Permission.READ_CONVERSATIONS)
  ConversationDetailDto conversation(UUID capsuleId, UUID conversationId);

  /** The capsule's leads, latest first. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<LeadDto> leads(UUID capsuleId, int max);

  /** The tenant's latest integration events of a kind, newest first. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<OutboxEventDto> events(String kind, int max);
}
