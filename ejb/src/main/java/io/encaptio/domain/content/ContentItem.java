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
 * A piece of a capsule's content as its editor gave it: pasted text or a question with its answer.
 * Files and web pages join as the ingestion pipeline arrives. Tenant-scoped: mapped per tenant
 * schema in META-INF/tenant-orm.xml.
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

  protected ContentItem() {}

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
    return item;
  }

  /** The same content for another capsule (a duplicate). */
  public ContentItem copyFor(UUID otherCapsule) {
    return create(otherCapsule, kind, title, body, Map.of());
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
}
