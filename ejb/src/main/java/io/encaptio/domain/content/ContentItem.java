package io.encaptio.domain.content;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A piece of a capsule's content as its editor gave it: pasted text, a question with its answer, an
 * uploaded file (its bytes kept apart, in content_blob) or a web address (a page or a site, maybe
 * synced on a schedule), and how far its ingestion has got. Tenant-scoped: mapped per tenant schema
 * in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "content_item")
public class ContentItem {

  public static final int MAX_TEXT = 200_000;
  static final int MAX_TITLE = 200;
  static final int MAX_URL = 2_000;
  static final int MAX_CAPTION = 2_000;
  public static final int MAX_DEPTH = 3;
  public static final int MAX_PAGES = 200;
  static final int MAX_SYNC_HOURS = 24 * 30;

  /** Syncs failed in a row after which a URL source is flagged stale. */
  public static final int STALE_AFTER = 3;

  static final int MAX_TAGS = 10;

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, length = 16, updatable = false)
  private String kind;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(length = 64)
  private String sha256;

  @Column(nullable = false, length = 16)
  private String stage = ContentStage.QUEUED.dbValue();

  @Column(nullable = false)
  private int progress;

  @Column private String error;

  @Column(name = "chunk_count", nullable = false)
  private int chunkCount;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "source_url", updatable = false)
  private String sourceUrl;

  @Column(name = "crawl_depth")
  private Integer crawlDepth;

  @Column(name = "crawl_max_pages")
  private Integer crawlMaxPages;

  @Column(name = "sync_hours")
  private Integer syncHours;

  @Column(name = "next_sync_at")
  private OffsetDateTime nextSyncAt;

  @Column(name = "last_synced_at")
  private OffsetDateTime lastSyncedAt;

  @Column(name = "sync_failures", nullable = false)
  private int syncFailures;

  @Column(name = "sync_error")
  private String syncError;

  @Column(name = "page_count", nullable = false)
  private int pageCount;

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false)
  private List<String> tags = new ArrayList<>();

  @Column(length = 8)
  private String language;

  @Column(name = "fetched_sha256", length = 64)
  private String fetchedSha256;

  @Column(name = "indexed_at")
  private OffsetDateTime indexedAt;

  protected ContentItem() {}

  /**
   * An uploaded file, accepted by type and size; its bytes are stored beside it, its caption (an
   * image's alt text, say) is indexed with it.
   */
  public static ContentItem file(
      UUID capsuleId,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String caption) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (fileName == null || fileName.isBlank()) {
      problems.put("file", "Name the file you upload.");
    }
    if (caption != null && caption.strip().length() > MAX_CAPTION) {
      problems.put("caption", "Write the caption in up to " + MAX_CAPTION + " characters.");
    }
    ContentItem item =
        create(
            capsuleId,
            "file",
            shorten(fileName == null ? "" : fileName),
            caption == null ? "" : caption.strip(),
            problems);
    item.mediaType = mediaType;
    item.sizeBytes = sizeBytes;
    item.sha256 = sha256;
    return item;
  }

  private static String shorten(String fileName) {
    String name = fileName.strip();
    return name.length() <= MAX_TITLE ? name : name.substring(name.length() - MAX_TITLE);
  }

  /** Ingestion moved on to the stage, this far through it all. */
  public void reached(ContentStage next, int percent) {
    stage = next.dbValue();
    progress = Math.max(0, Math.min(100, percent));
    error = null;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** To be indexed again (other indexing settings); its current chunks stay until then. */
  public void requeue() {
    reached(ContentStage.QUEUED, 0);
  }

  /**
   * Someone stopped its indexing: an item indexed before keeps its earlier chunks (ready, saying
   * so); one never indexed fails with what to do.
   */
  public void cancelled() {
    stopped(
        "The last indexing was cancelled; the earlier index is kept.",
        "Indexing was cancelled; index it again to make it searchable.");
  }

  /**
   * An indexing run ended without a new index: an item indexed before stays ready on its chunks
   * ({@code kept} says why, or nothing), one never indexed fails with {@code none}.
   */
  private void stopped(String kept, String none) {
    if (chunkCount > 0) {
      reached(ContentStage.READY, 100);
      error = kept;
    } else {
      failed(none);
    }
  }

  /** Indexed: its chunks are searchable. */
  public void ready(int chunks) {
    reached(ContentStage.READY, 100);
    chunkCount = chunks;
    indexedAt = updatedAt;
  }

  /**
   * Indexing failed for good: an item indexed before keeps its chunks (ready, saying the last
   * indexing failed and why); one never indexed fails with the message.
   */
  public void indexingFailed(String message) {
    stopped("The last indexing failed, so the earlier index is kept: " + message, message);
  }

  /** Not indexed, with what a person can do about it; its earlier chunks (if any) are gone. */
  public void failed(String message) {
    stage = ContentStage.FAILED.dbValue();
    error = message;
    chunkCount = 0;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * A web page, or with {@code depth} above 0 the site crawled from it (same origin, at most {@code
   * maxPages} pages); with {@code syncHours}, fetched again that often.
   */
  public static ContentItem url(
      UUID capsuleId, String address, int depth, int maxPages, Integer syncHours) {
    Map<String, String> problems = new LinkedHashMap<>();
    URI uri = null;
    try {
      uri = address == null ? null : new URI(address.strip());
    } catch (URISyntaxException e) {
      // reported below
    }
    if (uri == null
        || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getRawUserInfo() != null
        || address.length() > MAX_URL) {
      problems.put(
          "url", "Enter the page's full web address, such as https://example.com/pricing.");
    }
    if (depth < 0 || depth > MAX_DEPTH) {
      problems.put("depth", "Choose a crawl depth from 0 (this page only) to " + MAX_DEPTH + ".");
    }
    if (maxPages < 1 || maxPages > MAX_PAGES) {
      problems.put("maxPages", "Choose from 1 to " + MAX_PAGES + " pages.");
    }
    if (syncHours != null && (syncHours < 1 || syncHours > MAX_SYNC_HOURS)) {
      problems.put(
          "syncHours",
          "Sync at most every hour and at least every " + MAX_SYNC_HOURS / 24 + " days, or never.");
    }
    String normalised = uri == null ? "" : uri.normalize().toString();
    ContentItem item = create(capsuleId, "url", shorten(normalised), "", problems);
    item.sourceUrl = normalised;
    item.crawlDepth = depth;
    item.crawlMaxPages = depth == 0 ? 1 : maxPages;
    item.syncHours = syncHours;
    return item;
  }

  /** Whether the pages fetched now hash the same as those last indexed (nothing to re-index). */
  public boolean fetchedSameAs(String sha256) {
    return sha256.equals(fetchedSha256) && stage() == ContentStage.READY;
  }

  /** The pages now indexed (or being indexed): their hash and how many. */
  public void fetched(String sha256, int pages) {
    fetchedSha256 = sha256;
    pageCount = pages;
  }

  /** A sync fetched the source (whether or not anything changed). */
  public void synced(OffsetDateTime at) {
    lastSyncedAt = at;
    syncFailures = 0;
    syncError = null;
  }

  /**
   * A sync could not fetch or index the source: the chunks it had stay searchable (the item stays
   * ready if it was indexed before), and after {@link #STALE_AFTER} failures in a row it is stale.
   */
  public void syncFailed(String message) {
    syncFailures++;
    syncError = message;
    stopped(null, message); // the sync error is shown as such
  }

  /** Failed {@link #STALE_AFTER} syncs or more in a row: what visitors get may be out of date. */
  public boolean stale() {
    return syncFailures >= STALE_AFTER;
  }

  /**
   * Plans the next sync from {@code now}; empty when the source does not sync.
   *
   * @return when it is due
   */
  public Optional<OffsetDateTime> planNextSync(OffsetDateTime now) {
    nextSyncAt = syncHours == null ? null : now.plusHours(syncHours);
    return Optional.ofNullable(nextSyncAt);
  }

  /** Someone asked for a sync now (it counts as planned for now). */
  public void syncNow(OffsetDateTime now) {
    nextSyncAt = now;
  }

  /** Whether a sync planned for now is still wanted (not replaced by a later plan, or dropped). */
  public boolean syncDue(OffsetDateTime now) {
    return nextSyncAt != null && !nextSyncAt.isAfter(now.plusMinutes(1));
  }

  /** Pasted text under a title. */
  public static ContentItem text(UUID capsuleId, String title, String text) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
      problems.put("title", "Give the text a title of up to " + MAX_TITLE + " characters.");
    }
    check(text, "text", "Paste the text", problems);
    return create(capsuleId, "text", title, text, problems);
  }

  /** A frequently asked question with its answer; the question is the title. */
  public static ContentItem faq(UUID capsuleId, String question, String answer) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (question == null || question.isBlank() || question.strip().length() > MAX_TITLE) {
      problems.put("question", "Write the question in up to " + MAX_TITLE + " characters.");
    }
    check(answer, "answer", "Write the answer", problems);
    return create(capsuleId, "faq", question, answer, problems);
  }

  private static void check(String text, String field, String ask, Map<String, String> problems) {
    if (text == null || text.isBlank()) {
      problems.put(field, ask + ".");
    } else if (text.length() > MAX_TEXT) {
      problems.put(
          field, ask + " in " + MAX_TEXT + " characters or fewer, or upload it as a file.");
    }
  }

  private static ContentItem create(
      UUID capsuleId, String kind, String title, String body, Map<String, String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    ContentItem item = new ContentItem();
    item.id = UUID.randomUUID();
    item.capsuleId = capsuleId;
    item.kind = kind;
    item.title = title.strip();
    item.body = body;
    item.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    item.updatedAt = item.createdAt;
    return item;
  }

  /** The same content for another capsule (a duplicate), to be indexed there anew. */
  public ContentItem copyFor(UUID otherCapsule) {
    ContentItem copy = create(otherCapsule, kind, title, body, Map.of());
    copy.mediaType = mediaType;
    copy.sizeBytes = sizeBytes;
    copy.sha256 = sha256;
    copy.sourceUrl = sourceUrl;
    copy.crawlDepth = crawlDepth;
    copy.crawlMaxPages = crawlMaxPages;
    copy.syncHours = syncHours;
    return copy;
  }

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String mediaType() {
    return mediaType;
  }

  public Long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public ContentStage stage() {
    return ContentStage.fromDbValue(stage);
  }

  public int progress() {
    return progress;
  }

  public String error() {
    return error;
  }

  public int chunkCount() {
    return chunkCount;
  }

  public String sourceUrl() {
    return sourceUrl;
  }

  public int crawlDepth() {
    return crawlDepth == null ? 0 : crawlDepth;
  }

  public int crawlMaxPages() {
    return crawlMaxPages == null ? 1 : crawlMaxPages;
  }

  public Integer syncHours() {
    return syncHours;
  }

  public OffsetDateTime lastSyncedAt() {
    return lastSyncedAt;
  }

  public String syncError() {
    return syncError;
  }

  /**
   * Labels that narrow retrieval: up to {@value #MAX_TAGS} tags (lower case, 1 to 40 letters,
   * digits or dashes) and the language (ISO 639-1, or null for unknown).
   *
   * @throws InvalidCapsuleException naming what to fix
   */
  public void label(List<String> newTags, String newLanguage) {
    Map<String, String> problems = new LinkedHashMap<>();
    List<String> cleaned =
        newTags == null
            ? List.of()
            : newTags.stream()
                .map(t -> t == null ? "" : t.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    if (cleaned.size() > MAX_TAGS
        || cleaned.stream().anyMatch(t -> !t.matches("[\\p{L}\\p{N}-]{1,40}"))) {
      problems.put(
          "tags", "Use up to " + MAX_TAGS + " tags of 1 to 40 letters, digits or dashes each.");
    }
    String code =
        newLanguage == null || newLanguage.isBlank()
            ? null
            : newLanguage.strip().toLowerCase(java.util.Locale.ROOT);
    if (code != null && !code.matches("[a-z]{2}")) {
      problems.put(
          "language", "Give the language as a two-letter code (ISO 639-1), e.g. en or de.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    tags = new ArrayList<>(cleaned);
    language = code;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public List<String> tags() {
    return tags == null ? List.of() : List.copyOf(tags);
  }

  public String language() {
    return language;
  }

  public int pageCount() {
    return pageCount;
  }

  public int syncFailures() {
    return syncFailures;
  }

  /** When its current chunks were made. */
  public OffsetDateTime indexedAt() {
    return indexedAt;
  }
}
