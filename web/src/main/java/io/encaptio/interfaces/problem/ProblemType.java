package io.encaptio.interfaces.problem;

/** The problems Encaptio answers with; their slugs are part of the public API and never change. */
public enum ProblemType {
  UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
  NO_TENANT("no-tenant", "No organization in the token", 403),
  UNKNOWN_TENANT("unknown-tenant", "Organization not registered", 403),
  TENANT_UNAVAILABLE("tenant-unavailable", "Organization not available", 403),
  AMBIGUOUS_TENANT("ambiguous-tenant", "Several organizations in the token", 400),
  FORBIDDEN("forbidden", "Not allowed", 403),
  CAPSULE_UNAVAILABLE("capsule-unavailable", "Capsule unavailable", 403),
  ORIGIN_NOT_ALLOWED("origin-not-allowed", "Origin not allowed for this capsule", 403),
  EMBED_TOKEN_REQUIRED("embed-token-required", "Signed embed token required", 401),
  EMBED_TOKEN_INVALID("embed-token-invalid", "Embed token invalid", 401),
  EMBED_TOKEN_EXPIRED("embed-token-expired", "Embed token expired", 401),
  EMBED_TOKEN_WRONG_CAPSULE("embed-token-wrong-capsule", "Embed token of another capsule", 401),
  RATE_LIMITED("rate-limited", "Too many requests", 429),
  NOT_FOUND("not-found", "Not found", 404),
  CONFLICT("conflict", "Not possible in the current state", 409),
  BAD_REQUEST("bad-request", "Bad request", 400),
  IDENTITY_PROVIDER_UNAVAILABLE(
      "identity-provider-unavailable", "Sign-in service unavailable", 503),
  TENANT_READ_ONLY("tenant-read-only", "Organization read-only for a moment", 503),
  TENANT_MOVED("tenant-moved", "Organization moved a moment ago", 503),
  TRY_AGAIN("try-again", "Met another change; try again", 503),
  INTERNAL("internal-error", "Internal error", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The type whose slug this is. */
  public static ProblemType ofSlug(String slug) {
    for (ProblemType type : values()) {
      if (type.slug.equals(slug)) {
        return type;
      }
    }
    throw new IllegalArgumentException("No problem type " + slug);
  }

  /** The problem type that best describes a bare HTTP status. */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 429 -> RATE_LIMITED;
      default -> INTERNAL;
    };
  }
}
