package io.encaptio.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContentItemTest {

  private final UUID capsule = UUID.randomUUID();

  @Test
  void pastedTextKeepsItsTitleAndBody() {
    ContentItem item = ContentItem.text(capsule, "  Listing ", "Two bedrooms.");

    assertThat(item.kind()).isEqualTo("text");
    assertThat(item.title()).isEqualTo("Listing");
    assertThat(item.body()).isEqualTo("Two bedrooms.");
    assertThat(item.capsuleId()).isEqualTo(capsule);
  }

  @Test
  void refusesMissingAndOversizedParts() {
    assertThatThrownBy(() -> ContentItem.text(capsule, "", " "))
        .isInstanceOfSatisfying(
            InvalidCapsuleException.class,
            e -> assertThat(e.problems()).containsKeys("title", "text"));
    assertThatThrownBy(() -> ContentItem.faq(capsule, "Why?", "x".repeat(ContentItem.MAX_TEXT + 1)))
        .hasMessageContaining("upload it as a file");
  }

  @Test
  void aCopyBelongsToTheOtherCapsule() {
    ContentItem item = ContentItem.faq(capsule, "When?", "In March.");
    UUID other = UUID.randomUUID();

    ContentItem copy = item.copyFor(other);

    assertThat(copy.capsuleId()).isEqualTo(other);
    assertThat(copy.id()).isNotEqualTo(item.id());
    assertThat(copy.title()).isEqualTo("When?");
    assertThat(copy.body()).isEqualTo("In March.");
  }

  @Test
  void aWebAddressIsCheckedAndNormalised() {
    ContentItem page = ContentItem.url(capsule, " https://example.com/a/../pricing ", 0, 50, null);
    assertThat(page.kind()).isEqualTo("url");
    assertThat(page.sourceUrl()).isEqualTo("https://example.com/pricing");
    assertThat(page.crawlMaxPages()).as("a single page is one page").isEqualTo(1);

    assertThatThrownBy(() -> ContentItem.url(capsule, "ftp://example.com", 9, 0, 0))
        .isInstanceOfSatisfying(
            InvalidCapsuleException.class,
            e ->
                assertThat(e.problems()).containsOnlyKeys("url", "depth", "maxPages", "syncHours"));
    assertThatThrownBy(() -> ContentItem.url(capsule, "https://user:pw@example.com/", 0, 1, null))
        .isInstanceOfSatisfying(
            InvalidCapsuleException.class, e -> assertThat(e.problems()).containsOnlyKeys("url"));
  }

  @Test
  void syncFailuresKeepTheIndexAndTurnStaleAfterThreeInARow() {
    ContentItem site = ContentItem.url(capsule, "https://example.com/", 1, 10, 24);
    OffsetDateTime now = OffsetDateTime.parse("2026-11-26T10:00:00Z");
    site.ready(4);
    site.fetched("a".repeat(64), 3);
    site.synced(now);
    assertThat(site.planNextSync(now)).contains(now.plusHours(24));
    assertThat(site.syncDue(now)).isFalse();
    assertThat(site.syncDue(now.plusHours(24))).isTrue();
    assertThat(site.fetchedSameAs("a".repeat(64))).isTrue();
    assertThat(site.fetchedSameAs("b".repeat(64))).isFalse();

    site.reached(ContentStage.EMBEDDING, 50);
    site.syncFailed("The page answered 500.");
    assertThat(site.stage()).as("its earlier chunks still answer").isEqualTo(ContentStage.READY);
    site.syncFailed("The page answered 500.");
    assertThat(site.stale()).isFalse();
    site.syncFailed("The page answered 500.");
    assertThat(site.stale()).isTrue();
    assertThat(site.chunkCount()).isEqualTo(4);

    site.synced(now.plusDays(3));
    assertThat(site.stale()).isFalse();
    assertThat(site.syncError()).isNull();
  }

  @Test
  void aSourceWithoutScheduleIsNotPlannedAgain() {
    ContentItem page = ContentItem.url(capsule, "https://example.com/", 0, 1, null);
    OffsetDateTime now = OffsetDateTime.now();
    assertThat(page.planNextSync(now)).isEmpty();
    assertThat(page.syncDue(now)).isFalse();
    page.syncNow(now);
    assertThat(page.syncDue(now)).isTrue();
  }

  @Test
  void aFailedReindexKeepsTheEarlierIndexAndAFirstOneFails() {
    ContentItem indexed = ContentItem.text(capsule, "Listing", "Two bedrooms.");
    indexed.ready(3);
    indexed.requeue();
    indexed.indexingFailed("The page answered 503.");
    assertThat(indexed.stage()).isEqualTo(ContentStage.READY);
    assertThat(indexed.chunkCount()).isEqualTo(3);
    assertThat(indexed.error()).contains("earlier index is kept", "503");

    ContentItem fresh = ContentItem.text(capsule, "Listing", "Two bedrooms.");
    fresh.indexingFailed("The file is empty.");
    assertThat(fresh.stage()).isEqualTo(ContentStage.FAILED);

    ContentItem page = ContentItem.url(capsule, "https://example.com/", 0, 1, null);
    page.reached(ContentStage.CHUNKING, 30);
    page.syncFailed("No text was found in it.");
    assertThat(page.stage()).as("never left half-way").isEqualTo(ContentStage.FAILED);
  }
}
