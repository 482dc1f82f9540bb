package io.encaptio.interfaces.audit.facade;

import io.encaptio.application.AuditService.AuditEntryDto;
import io.encaptio.interfaces.rest.Csv;
import java.util.Arrays;
import java.util.List;

/**
 * Audit rows as CSV ({@link Csv}: names and targets were typed by people, so formulas stay text).
 */
public final class AuditCsv {

  private static final String[] HEADER = {
    "at",
    "actor_kind",
    "actor",
    "actor_name",
    "actor_role",
    "action",
    "target",
    "capsule_id",
    "address",
    "detail",
    "id"
  };

  private AuditCsv() {}

  public static String write(List<AuditEntryDto> entries) {
    return Csv.write(
        HEADER,
        entries.stream()
            .map(
                e ->
                    Arrays.<Object>asList(
                        e.at(),
                        e.actorKind(),
                        e.actorSubject(),
                        e.actorName(),
                        e.actorRole(),
                        e.action(),
                        e.target(),
                        e.capsuleId(),
                        e.address(),
                        e.detail(),
                        e.id()))
            .toList());
  }
}
