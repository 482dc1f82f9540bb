package io.encaptio.application.internal;

import io.encaptio.application.AuditService;
import io.encaptio.domain.audit.AuditEntry;
import io.encaptio.domain.audit.AuditQuery;
import io.encaptio.domain.audit.AuditRepository;
import io.encaptio.domain.audit.PlatformAuditLog;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

@Stateless
@Local(AuditService.class)
public class DefaultAuditService implements AuditService {

  static final int MAX_PAGE = 500;

  @Inject AuditRepository log;
  @Inject PlatformAuditLog platformLog;
  @Inject UserProfileRepository profiles;

  @Override
  public AuditPage entries(AuditFilter filter, int first, int max) {
    if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
      throw new InvalidInputException("to", "The end of the date range must come after its start.");
    }
    AuditQuery query =
        new AuditQuery(
            actorSubject(filter.actor()),
            blankToNull(filter.action()),
            filter.capsuleId(),
            filter.from(),
            filter.to());
    int size = Math.max(1, Math.min(max, MAX_PAGE));
    return new AuditPage(
        log.page(query, Math.max(0, first), size).stream().map(DefaultAuditService::toDto).toList(),
        log.count(query));
  }

  @Override
  public AuditPage platformEntries(String tenantSlug, int first, int max) {
    String slug = blankToNull(tenantSlug);
    int size = Math.max(1, Math.min(max, MAX_PAGE));
    return new AuditPage(
        platformLog.page(slug, Math.max(0, first), size).stream()
            .map(DefaultAuditService::toDto)
            .toList(),
        platformLog.count(slug));
  }

  /** A username or e-mail of the organization as its subject; anything else is taken as one. */
  private String actorSubject(String actor) {
    String cleaned = blankToNull(actor);
    if (cleaned == null) {
      return null;
    }
    return profiles.all().stream()
        .filter(p -> cleaned.equalsIgnoreCase(p.username()) || cleaned.equalsIgnoreCase(p.email()))
        .map(UserProfile::subject)
        .findFirst()
        .orElse(cleaned);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static AuditEntryDto toDto(AuditEntry e) {
    return new AuditEntryDto(
        e.id(),
        e.at(),
        e.actorKind(),
        e.actorSubject(),
        e.actorName(),
        e.actorRole(),
        e.action(),
        e.target(),
        e.capsuleId(),
        e.address(),
        e.detail());
  }
}
