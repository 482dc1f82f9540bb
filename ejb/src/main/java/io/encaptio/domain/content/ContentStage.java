package io.encaptio.domain.content;

import java.util.Locale;

/** Where a content item is on its way to being answerable: what the Content tab shows. */
public enum ContentStage {
  QUEUED,
  PARSING,
  CHUNKING,
  EMBEDDING,
  READY,
  FAILED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ContentStage fromDbValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
