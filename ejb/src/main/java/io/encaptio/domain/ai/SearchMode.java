package io.encaptio.domain.ai;

/** Which stages of retrieval run: both fused (what visitors get), or one alone to compare. */
public enum SearchMode {
  HYBRID,
  VECTOR,
  KEYWORD
}
