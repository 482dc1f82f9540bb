package io.encaptio.application;

import io.encaptio.domain.capsule.ActionButton;
import io.encaptio.domain.capsule.CapsuleSettings;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current tenant's capsules for their editors: create (blank or from a template), save drafts,
 * publish immutable versions, roll back, duplicate, archive, delete ({@link ContentService} holds
 * their content). Refusals are {@link io.encaptio.domain.capsule.InvalidCapsuleException} (what to
 * fix, by field), {@link NoSuchCapsuleException} and {@link IllegalStateException} (not in this
 * state).
 */
public interface CapsuleService {

  List<TemplateDto> templates();

  CapsuleDto create(String name, String templateKey);

  CapsulePage capsules(int first, int max);

  CapsuleDto capsule(UUID id);

  CapsuleDto saveDraft(UUID id, String name, CapsuleSettings settings);

  CapsuleDto publish(UUID id, String publishedBy);

  /** Published versions, newest first, each with what changed from the one before. */
  List<VersionDto> versions(UUID id);

  CapsuleDto rollBack(UUID id, int version, String publishedBy);

  CapsuleDto duplicate(UUID id);

  CapsuleDto archive(UUID id);

  CapsuleDto restore(UUID id);

  /** Soft delete: gone for editors and visitors at once; its public key stops working. */
  void delete(UUID id);

  /** The assistant's system prompt for these settings, as the editor's preview shows it. */
  String promptPreview(String name, CapsuleSettings settings);

  /** What visitors see of the capsule: its last published version, if it is live. */
  Optional<PublishedCapsuleDto> published(UUID id);

  record TemplateDto(String key, String title, CapsuleSettings settings) implements Serializable {}

  record CapsuleDto(
      UUID id,
      String name,
      String status,
      String template,
      String publicKey,
      CapsuleSettings draft,
      Integer publishedVersion,
      OffsetDateTime publishedAt,
      int contentCount,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt)
      implements Serializable {}

  record CapsuleSummary(
      UUID id,
      String name,
      String status,
      int contentCount,
      Integer publishedVersion,
      OffsetDateTime publishedAt)
      implements Serializable {}

  record CapsulePage(List<CapsuleSummary> capsules, long total) implements Serializable {}

  record VersionDto(
      int number,
      String name,
      String publishedBy,
      OffsetDateTime publishedAt,
      Integer restoredFrom,
      List<String> changes)
      implements Serializable {}

  record PublishedCapsuleDto(
      String name,
      int version,
      String welcomeMessage,
      List<String> suggestedQuestions,
      String language,
      List<ActionButton> actions)
      implements Serializable {}
}
