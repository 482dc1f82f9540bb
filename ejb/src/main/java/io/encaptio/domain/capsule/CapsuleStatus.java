package io.encaptio.domain.capsule;

import java.util.Locale;

/** Where a capsule is in its life. Deleted capsules are kept (soft) until a purge job. */
public enum CapsuleStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED,
  DELETED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CapsuleStatus fromDbValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
