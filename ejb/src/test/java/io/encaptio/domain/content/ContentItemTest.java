package io.encaptio.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.domain.capsule.InvalidCapsuleException;
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
}
