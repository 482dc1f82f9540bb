package io.encaptio.application.internal;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much content (files and texts of capsules not deleted) the current tenant may keep: its own
 * limit when operators set one, else the platform's default. Checked before anything is stored.
 */
@ApplicationScoped
public class ContentQuota {

  @Inject ContentRepository content;
  @Inject TenantRegistry registry;

  @Inject
  @ConfigProperty(name = "encaptio.content.limit.bytes", defaultValue = "1073741824")
  long defaultLimit;

  /**
   * Refuses content that would take the tenant over its limit, saying how much it uses; content
   * already stored is never touched.
   *
   * @param field where the refusal is shown (file, text, answer, content)
   */
  public void checkRoomFor(long bytes, String field) {
    long limit = registry.contentLimit(TenantContext.current().id()).orElse(defaultLimit);
    long used = content.storedBytes();
    if (used + bytes > limit) {
      throw new InvalidCapsuleException(
          Map.of(
              field,
              "Your organization's content uses "
                  + size(used)
                  + " of its "
                  + size(limit)
                  + "; this would need "
                  + size(bytes)
                  + " more. Remove content you no longer need, or ask for a higher limit."));
    }
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
