package io.encaptio.interfaces.audit.facade;

import io.encaptio.application.AuditService.AuditFilter;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.interfaces.rest.EditorRequests;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An audit filter from the words people and integrators type: dates as {@code 2026-12-06} (whole
 * days, UTC, the end day included) or as date-times with an offset, capsules by id.
 */
public final class AuditFilters {

  private AuditFilters() {}

  public static AuditFilter of(
      String actor, String action, String capsule, String from, String to) {
    return new AuditFilter(
        actor,
        action,
        EditorRequests.capsuleId(capsule),
        instant("from", from, false),
        instant("to", to, true));
  }

  static OffsetDateTime instant(String field, String text, boolean endOfDay) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, "'" + text + "' is not a date; write it as 2026-12-06 or 2026-12-06T09:30:00Z.");
    }
  }
}
