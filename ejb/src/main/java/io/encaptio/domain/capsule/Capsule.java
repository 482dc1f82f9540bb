package io.encaptio.domain.capsule;

import io.encaptio.domain.content.StringListConverter;
import io.encaptio.domain.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A capsule: its draft (name and assistant settings, saved as the editor types) and the number of
 * its last published version, which is what visitors see. Publishing never changes an existing
 * version; a rollback publishes an old version's settings again as a new version. Tenant-scoped:
 * mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "capsule")
public class Capsule {

  static final int MAX_NAME = 120;

  @Id private UUID id;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(nullable = false, length = 40)
  private String template;

  @Convert(converter = CapsuleSettingsConverter.class)
  @Column(name = "draft_settings", nullable = false)
  private CapsuleSettings draft;

  @Column(name = "published_version")
  private Integer publishedVersion;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  @Column(name = "embedding_model", nullable = false, length = 64)
  private String embeddingModel;

  @Column(name = "chunk_tokens", nullable = false)
  private int chunkTokens;

  @Column(name = "chunk_overlap", nullable = false)
  private int chunkOverlap;

  /** Null: the product's current defaults (so capsules follow better measured defaults). */
  @Convert(converter = RetrievalSettingsConverter.class)
  @Column(name = "retrieval_settings")
  private RetrievalSettings retrievalSettings;

  /** Null: no chat model, the extractive answer. */
  @Convert(converter = ModelRoutingConverter.class)
  @Column(name = "model_routing")
  private ModelRouting modelRouting;

  /** Web origins whose pages may use the capsule (normal form, {@link AllowedOrigins}). */
  @Convert(converter = StringListConverter.class)
  @Column(name = "allowed_origins", nullable = false)
  private List<String> allowedOrigins = List.of();

  @Column(name = "require_embed_token", nullable = false)
  private boolean requireEmbedToken;

  /** The secret embed tokens are signed with, sealed ({@code SecretBox}); null until made. */
  @Column(name = "embed_secret")
  private String embedSecretSealed;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long revision;

  protected Capsule() {}

  public static Capsule create(String name, CapsuleTemplate template) {
    Capsule capsule = new Capsule();
    capsule.id = UUID.randomUUID();
    capsule.name = CapsuleRules.name(name);
    capsule.template = template.key();
    capsule.draft = template.settings();
    capsule.status = CapsuleStatus.DRAFT.dbValue();
    capsule.useIndexing(IndexingSettings.DEFAULT);
    capsule.createdAt = now();
    capsule.updatedAt = capsule.createdAt;
    return capsule;
  }

  /** A new draft capsule with this one's name (marked as a copy) and draft settings. */
  public Capsule duplicate() {
    Capsule copy = create(copyName(name), CapsuleTemplate.BLANK);
    copy.template = template;
    copy.draft = draft;
    copy.useIndexing(indexing());
    copy.retrievalSettings = retrievalSettings;
    copy.modelRouting = modelRouting;
    return copy;
  }

  private static String copyName(String name) {
    String suffix = " (copy)";
    return (name.length() + suffix.length() > MAX_NAME
            ? name.substring(0, MAX_NAME - suffix.length())
            : name)
        + suffix;
  }

  /** Saves the editor's draft; visitors keep seeing the published version. */
  public void editDraft(String newName, CapsuleSettings settings) {
    requireNotDeleted();
    name = CapsuleRules.name(newName);
    draft = settings;
    updatedAt = now();
  }

  /**
   * Checks the draft and freezes it as the next version, which visitors see from now on.
   *
   * @param contentItems how many content items the capsule has; a capsule without any is refused
   * @throws InvalidCapsuleException listing everything to fix; nothing changes then
   */
  public CapsuleVersion publish(int contentItems, String publishedBy) {
    requireNotDeleted();
    CapsuleRules.checkPublishable(name, draft, contentItems);
    return release(draft, publishedBy, null);
  }

  /** Publishes an earlier version's settings again, as a new version; the draft follows it. */
  public CapsuleVersion rollBackTo(CapsuleVersion earlier, String publishedBy) {
    requireNotDeleted();
    if (!earlier.capsuleId().equals(id)) {
      throw new IllegalArgumentException("Version " + earlier.number() + " is not of this capsule");
    }
    draft = earlier.settings();
    name = earlier.name();
    return release(earlier.settings(), publishedBy, earlier.number());
  }

  private CapsuleVersion release(CapsuleSettings settings, String publishedBy, Integer restored) {
    int number = publishedVersion == null ? 1 : publishedVersion + 1;
    publishedVersion = number;
    publishedAt = now();
    updatedAt = publishedAt;
    status = CapsuleStatus.PUBLISHED.dbValue();
    return CapsuleVersion.of(this, number, settings, publishedBy, restored);
  }

  /**
   * Indexes the content with other settings from now on (checked by the caller against the model).
   *
   * @return whether anything changed, so that the content must be indexed again
   */
  public boolean changeIndexing(IndexingSettings settings) {
    requireNotDeleted();
    if (settings.equals(indexing())) {
      return false;
    }
    useIndexing(settings);
    updatedAt = now();
    return true;
  }

  private void useIndexing(IndexingSettings settings) {
    embeddingModel = settings.model();
    chunkTokens = settings.chunkTokens();
    chunkOverlap = settings.overlapTokens();
  }

  public IndexingSettings indexing() {
    return new IndexingSettings(embeddingModel, chunkTokens, chunkOverlap);
  }

  /** How the content is searched: the capsule's own settings, or the defaults. */
  public RetrievalSettings retrieval() {
    return retrievalSettings == null ? RetrievalSettings.DEFAULT : retrievalSettings;
  }

  /** Searches with these settings from now on; the defaults again when they equal them. */
  public void changeRetrieval(RetrievalSettings settings) {
    requireNotDeleted();
    retrievalSettings = settings.checked().equals(RetrievalSettings.DEFAULT) ? null : settings;
    updatedAt = now();
  }

  public ModelRouting routing() {
    return modelRouting == null ? ModelRouting.EXTRACTIVE : modelRouting;
  }

  /** Answers with these chat models from now on (checked to exist by the caller). */
  public void changeRouting(ModelRouting routing) {
    requireNotDeleted();
    modelRouting = routing.checked().equals(ModelRouting.EXTRACTIVE) ? null : routing;
    updatedAt = now();
  }

  public List<String> allowedOrigins() {
    return allowedOrigins == null ? List.of() : allowedOrigins;
  }

  public boolean requiresEmbedToken() {
    return requireEmbedToken;
  }

  public String embedSecretSealed() {
    return embedSecretSealed;
  }

  /**
   * Who may use the capsule from now on (not versioned: it applies at once, like a firewall rule).
   *
   * @throws InvalidCapsuleException for an entry that is not an origin
   * @throws IllegalStateException when tokens are required before the capsule has a secret
   */
  public void changeDelivery(List<String> origins, boolean requireToken) {
    requireNotDeleted();
    List<String> checked = AllowedOrigins.checked(origins);
    if (requireToken && embedSecretSealed == null) {
      throw new ConflictException(
          "Create the capsule's embed secret first: tokens are signed with it.");
    }
    allowedOrigins = checked;
    requireEmbedToken = requireToken;
    updatedAt = now();
  }

  /** Signs embed tokens with a new secret (sealed by the caller); tokens of the old one fail. */
  public void useEmbedSecret(String sealed) {
    requireNotDeleted();
    embedSecretSealed = sealed;
    updatedAt = now();
  }

  /** Takes the capsule off line for visitors; its versions stay. */
  public void archive() {
    requireNotDeleted();
    status = CapsuleStatus.ARCHIVED.dbValue();
    updatedAt = now();
  }

  /** Puts an archived capsule back: published if it ever was, else a draft. */
  public void restore() {
    requireNotDeleted();
    status = (publishedVersion == null ? CapsuleStatus.DRAFT : CapsuleStatus.PUBLISHED).dbValue();
    updatedAt = now();
  }

  /** Soft delete: gone for editors and visitors at once, purged later by a job. */
  public void delete() {
    status = CapsuleStatus.DELETED.dbValue();
    updatedAt = now();
  }

  private void requireNotDeleted() {
    if (status() == CapsuleStatus.DELETED) {
      throw new ConflictException("Capsule " + id + " is deleted.");
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Whether visitors may talk to it: published and neither archived nor deleted. */
  public boolean liveForVisitors() {
    return status() == CapsuleStatus.PUBLISHED && publishedVersion != null;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public CapsuleStatus status() {
    return CapsuleStatus.fromDbValue(status);
  }

  public String template() {
    return template;
  }

  public CapsuleSettings draft() {
    return draft;
  }

  public Integer publishedVersion() {
    return publishedVersion;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
