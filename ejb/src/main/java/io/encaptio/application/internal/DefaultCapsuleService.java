package io.encaptio.application.internal;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleSettingsDto;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.capsule.AssistantPrompt;
import io.encaptio.domain.capsule.Brand;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleAsset;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.CapsuleTemplate;
import io.encaptio.domain.capsule.CapsuleVersion;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.SettingsChanges;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.tenancy.application.PublicKeyRegistry;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Each method is one transaction in the current tenant's schema (see TenantEntityManager). */
@Stateless
@Local(CapsuleService.class)
public class DefaultCapsuleService implements CapsuleService {

  private static final Logger LOG = Logger.getLogger(DefaultCapsuleService.class.getName());
  static final int MAX_PAGE = 100;

  @Inject CapsuleRepository capsules;
  @Inject CapsuleAccess access;
  @Inject GoldenRuns goldenRuns;
  @Inject CapsuleReindexing reindexing;
  @Inject ContentRepository content;
  @Inject PublicKeyRegistry publicKeys;
  @Inject JobQueue jobs;
  @Inject ContentParser parser;
  @Inject ContentQuota quota;

  /** How long a deleted capsule is kept (an operator can still recover it) before it is purged. */
  @Inject
  @ConfigProperty(name = "encaptio.capsule.purge.hours", defaultValue = "720")
  long purgeAfterHours;

  @Override
  public List<TemplateDto> templates() {
    return Arrays.stream(CapsuleTemplate.values())
        .map(t -> new TemplateDto(t.key(), t.title(), SettingsAssembler.toDto(t.settings())))
        .toList();
  }

  @Override
  public CapsuleDto create(String name, String templateKey) {
    CapsuleTemplate template =
        templateKey == null || templateKey.isBlank()
            ? CapsuleTemplate.BLANK
            : CapsuleTemplate.ofKey(templateKey);
    Capsule capsule = Capsule.create(name, template);
    capsules.add(capsule);
    LOG.info(() -> "Capsule " + capsule.id() + " created from template " + template.key());
    return toDto(capsule);
  }

  @Override
  public CapsulePage capsules(int first, int max) {
    int size = Math.max(1, Math.min(max, MAX_PAGE));
    List<Capsule> rows = capsules.page(Math.max(0, first), size);
    Map<UUID, Integer> contentCounts =
        content.countsOfCapsules(rows.stream().map(Capsule::id).toList());
    List<CapsuleSummary> page =
        rows.stream()
            .map(
                c ->
                    new CapsuleSummary(
                        c.id(),
                        c.name(),
                        c.status().dbValue(),
                        contentCounts.getOrDefault(c.id(), 0),
                        c.publishedVersion(),
                        c.publishedAt()))
            .toList();
    return new CapsulePage(page, capsules.count());
  }

  @Override
  public CapsuleDto capsule(UUID id) {
    return toDto(require(id));
  }

  @Override
  public boolean editable(UUID id) {
    return access.refusal(ActorContext.find().orElse(null), id).isEmpty();
  }

  @Override
  public CapsuleDto saveDraft(UUID id, String name, CapsuleSettingsDto settings) {
    Capsule capsule = require(id);
    String language = capsule.draft().language();
    capsule.editDraft(
        name, settings == null ? capsule.draft() : SettingsAssembler.toSettings(settings));
    if (!capsule.draft().language().equals(language)) {
      // the keyword index stems in the capsule's language and answers split sentences in it
      reindexing.requeueAll(
          id, "is written in '" + capsule.draft().language() + "' now (was '" + language + "')");
    }
    return toDto(capsule);
  }

  @Override
  public CapsuleDto publish(UUID id, String publishedBy) {
    Capsule capsule = require(id);
    CapsuleVersion version = capsule.publish(content.countOfCapsule(id), publishedBy);
    capsules.addVersion(version);
    goldenRuns.queue(id, GoldenRun.PUBLISH);
    LOG.info(() -> "Capsule " + id + " version " + version.number() + " published");
    return toDto(capsule);
  }

  @Override
  public List<VersionDto> versions(UUID id) {
    require(id);
    List<CapsuleVersion> newestFirst = capsules.versions(id);
    List<VersionDto> versions = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      CapsuleVersion version = newestFirst.get(i);
      CapsuleVersion before = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
      versions.add(
          new VersionDto(
              version.number(),
              version.name(),
              version.publishedBy(),
              version.publishedAt(),
              version.restoredFrom(),
              SettingsChanges.between(before, version)));
    }
    return versions;
  }

  @Override
  public CapsuleDto rollBack(UUID id, int number, String publishedBy) {
    Capsule capsule = require(id);
    CapsuleVersion earlier =
        capsules
            .version(id, number)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Capsule " + id + " has no version " + number + " to roll back to."));
    capsules.addVersion(capsule.rollBackTo(earlier, publishedBy));
    goldenRuns.queue(id, GoldenRun.PUBLISH);
    return toDto(capsule);
  }

  @Override
  public CapsuleDto duplicate(UUID id) {
    Capsule copy = require(id).duplicate();
    List<ContentItem> items = content.ofCapsule(id);
    quota.checkRoomFor(
        items.stream()
            .mapToLong(i -> (i.sizeBytes() == null ? 0 : i.sizeBytes()) + i.body().length())
            .sum(),
        "content");
    capsules.add(copy);
    for (ContentItem item : items) {
      ContentItem copied = item.copyFor(copy.id());
      content.add(copied);
      if ("file".equals(item.kind())) {
        content.addBlob(copied.id(), content.blob(item.id()));
      }
      jobs.enqueue(JobQueue.INGEST_CONTENT, copied.id());
    }
    return toDto(copy);
  }

  @Override
  public CapsuleDto archive(UUID id) {
    Capsule capsule = require(id);
    capsule.archive();
    return toDto(capsule);
  }

  @Override
  public CapsuleDto restore(UUID id) {
    Capsule capsule = require(id);
    capsule.restore();
    return toDto(capsule);
  }

  @Override
  public void delete(UUID id) {
    require(id).delete();
    publicKeys.revoke(id);
    jobs.enqueueAt(
        JobQueue.PURGE_CAPSULE, id, Instant.now().plus(Duration.ofHours(purgeAfterHours)));
    LOG.info(() -> "Capsule " + id + " deleted; purged in " + purgeAfterHours + " h");
  }

  @Override
  public CapsuleDto uploadBrandImage(UUID id, String kind, String fileName, byte[] bytes) {
    Capsule capsule = require(id);
    Map<String, String> problems = new LinkedHashMap<>();
    if (!"logo".equals(kind) && !"avatar".equals(kind)) {
      problems.put("kind", "Upload a \"logo\" or an \"avatar\".");
    }
    String mediaType = null;
    if (bytes.length == 0 || bytes.length > CapsuleAsset.MAX_BYTES) {
      problems.put(kind == null ? "image" : kind, "Upload an image of up to 1 MB.");
    } else {
      try {
        mediaType = parser.acceptedMediaType(bytes, fileName == null ? "image" : fileName);
      } catch (ContentRejectedException e) {
        mediaType = null;
      }
      if (mediaType == null || !mediaType.startsWith("image/")) {
        problems.put(
            kind == null ? "image" : kind, "Upload a PNG, JPEG, WebP or GIF image (not SVG).");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    CapsuleAsset asset = new CapsuleAsset(UUID.randomUUID(), id, kind, mediaType, bytes);
    capsules.addAsset(asset);
    Brand brand = capsule.draft().brand();
    capsule.editDraft(
        capsule.name(),
        capsule
            .draft()
            .withBrand(
                "logo".equals(kind) ? brand.withLogo(asset.id()) : brand.withAvatar(asset.id())));
    return toDto(capsule);
  }

  @Override
  public Optional<AssetDto> brandImage(UUID id, UUID assetId) {
    require(id);
    return capsules.asset(id, assetId).map(a -> new AssetDto(a.mediaType(), a.bytes()));
  }

  @Override
  public Optional<AssetDto> publishedBrandImage(UUID id, UUID assetId) {
    return capsules
        .visibleVersion(id)
        .map(v -> v.settings().brand())
        .filter(b -> assetId.equals(b.logo()) || assetId.equals(b.avatar()))
        .flatMap(b -> capsules.asset(id, assetId))
        .map(a -> new AssetDto(a.mediaType(), a.bytes()));
  }

  @Override
  public String promptPreview(String name, CapsuleSettingsDto settings) {
    return AssistantPrompt.render(name, SettingsAssembler.toSettings(settings));
  }

  @Override
  public Optional<PublishedCapsuleDto> published(UUID id) {
    return capsules
        .visibleVersion(id)
        .map(
            v ->
                new PublishedCapsuleDto(
                    v.name(),
                    v.number(),
                    v.settings().welcomeMessage(),
                    v.settings().suggestedQuestions(),
                    v.settings().language(),
                    v.settings().actions().stream().map(SettingsAssembler::toDto).toList(),
                    SettingsAssembler.toDto(v.settings().brand()).look(),
                    v.settings().leadForm().enabled()
                        ? SettingsAssembler.toDto(v.settings().leadForm())
                        : null));
  }

  private Capsule require(UUID id) {
    return capsules.find(id).orElseThrow(() -> new NoSuchCapsuleException(id));
  }

  private CapsuleDto toDto(Capsule c) {
    return new CapsuleDto(
        c.id(),
        c.name(),
        c.status().dbValue(),
        c.template(),
        publicKeys.keyFor(c.id()),
        SettingsAssembler.toDto(c.draft()),
        c.publishedVersion(),
        c.publishedAt(),
        content.countOfCapsule(c.id()),
        c.createdAt(),
        c.updatedAt());
  }
}
