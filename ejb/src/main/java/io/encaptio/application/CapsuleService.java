package io.encaptio.application;

import io.encaptio.application.CapsuleSettingsDto.ActionDto;
import io.encaptio.application.CapsuleSettingsDto.LeadFormDto;
import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
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

  /** The largest logo or avatar {@link #uploadBrandImage} accepts; callers read one byte more. */
  long MAX_BRAND_IMAGE_BYTES = io.encaptio.domain.capsule.CapsuleAsset.MAX_BYTES;

  @Requires(Permission.VIEW_CAPSULES)
  List<TemplateDto> templates();

  @Requires(Permission.CREATE_CAPSULES)
  @Audited("capsule.created")
  CapsuleDto create(String name, String templateKey);

  @Requires(Permission.VIEW_CAPSULES)
  CapsulePage capsules(int first, int max);

  @Requires(Permission.VIEW_CAPSULES)
  CapsuleDto capsule(UUID id);

  /**
   * Whether the caller may change the capsule: editors and above, and for a capsule of a team,
   * editors in that team (admins and owners change every capsule).
   */
  @Requires(Permission.VIEW_CAPSULES)
  boolean editable(UUID id);

  /**
   * Saves the draft's name and settings. A new language queues every content item to be indexed
   * again (keywords are stemmed and sentences split in the capsule's language); each keeps its
   * chunks until its job replaces them.
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.draft_saved")
  CapsuleDto saveDraft(UUID id, String name, CapsuleSettingsDto settings);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.published")
  CapsuleDto publish(UUID id, String publishedBy);

  /** Published versions, newest first, each with what changed from the one before. */
  @Requires(Permission.VIEW_CAPSULES)
  List<VersionDto> versions(UUID id);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.rolled_back")
  CapsuleDto rollBack(UUID id, int version, String publishedBy);

  @Requires(Permission.CREATE_CAPSULES)
  @Audited("capsule.duplicated")
  CapsuleDto duplicate(UUID id);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.archived")
  CapsuleDto archive(UUID id);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.restored")
  CapsuleDto restore(UUID id);

  /** Soft delete: gone for editors and visitors at once; its public key stops working. */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.deleted")
  void delete(UUID id);

  /**
   * Stores an image of the brand ({@code kind} "logo" or "avatar": PNG, JPEG, WebP or GIF, up to 1
   * MB) and puts it in the draft's brand; the published version keeps its own until the next
   * publish.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for another kind, type or size
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.brand_image_uploaded")
  CapsuleDto uploadBrandImage(UUID id, String kind, String fileName, byte[] bytes);

  /** An image of the capsule's (draft or any version's) brand, for its editors. */
  @Requires(Permission.VIEW_CAPSULES)
  Optional<AssetDto> brandImage(UUID id, UUID assetId);

  /** An image of the brand visitors see: only the published version's logo or avatar. */
  @Requires(Permission.VISIT)
  Optional<AssetDto> publishedBrandImage(UUID id, UUID assetId);

  /** The assistant's system prompt for these settings, as the editor's preview shows it. */
  @Requires(Permission.VIEW_CAPSULES)
  String promptPreview(String name, CapsuleSettingsDto settings);

  /** What visitors see of the capsule: its last published version, if it is live. */
  @Requires(Permission.VISIT)
  Optional<PublishedCapsuleDto> published(UUID id);

  record TemplateDto(String key, String title, CapsuleSettingsDto settings)
      implements Serializable {}

  record CapsuleDto(
      UUID id,
      String name,
      String status,
      String template,
      String publicKey,
      CapsuleSettingsDto draft,
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
      List<ActionDto> actions,
      BrandDto brand,
      LeadFormDto leadForm)
      implements Serializable {}

  /**
   * How the capsule looks to visitors: image ids (served under the public key's {@code
   * assets/{id}}), the main colour with the text colour that reads on it, the font stack, light or
   * dark, and where the launcher sits.
   */
  record BrandDto(
      UUID logo,
      UUID avatar,
      String primaryColor,
      String textOnPrimary,
      String fontStack,
      String theme,
      String launcherPosition)
      implements Serializable {}

  /** An image with its media type. */
  record AssetDto(String mediaType, byte[] bytes) implements Serializable {}
}
