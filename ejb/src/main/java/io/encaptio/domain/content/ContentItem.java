package io.encaptio.domain.content;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A piece of a capsule's content as its editor gave it: pasted text, a question with its answer, or
 * an uploaded file (its bytes kept apart, in content_blob), and how far its ingestion has got.
 * Tenant-scoped: mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "content_item")
public class ContentItem {

  public static final int MAX_TEXT = 200_000;
  static final int MAX_TITLE = 200;

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

  protected ContentItem() {}

  /** An uploaded file, accepted by type and size; its bytes are stored beside it. */
  public static ContentItem file(
      UUID capsuleId, String fileName, String mediaType, long sizeBytes, String sha256) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (fileName == null || fileName.isBlank()) {
      problems.put("file", "Name the file you upload.");
    }
    ContentItem item =
        create(capsuleId, "file", shorten(fileName == null ? "" : fileName), "", problems);
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

  /** Indexed: its chunks are searchable. */
  public void ready(int chunks) {
    reached(ContentStage.READY, 100);
    chunkCount = chunks;
  }

  /** Not indexed, with what a person can do about it; its earlier chunks (if any) are gone. */
  public void failed(String message) {
    stage = ContentStage.FAILED.dbValue();
    error = message;
    chunkCount = 0;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
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
}
