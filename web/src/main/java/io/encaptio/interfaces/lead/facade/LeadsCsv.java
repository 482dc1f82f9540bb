package io.encaptio.interfaces.lead.facade;

import io.encaptio.application.DeliveryService.LeadDto;
import io.encaptio.interfaces.rest.Csv;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Leads as CSV ({@link Csv}: visitors typed these fields, so formulas stay text). */
public final class LeadsCsv {

  private static final String[] HEADER = {
    "email",
    "name",
    "phone",
    "company",
    "message",
    "consent",
    "submissions",
    "first_at",
    "last_at",
    "conversations",
    "lead_id"
  };

  private LeadsCsv() {}

  public static String write(List<LeadDto> leads) {
    return Csv.write(
        HEADER,
        leads.stream()
            .map(
                lead ->
                    Arrays.<Object>asList(
                        lead.email(),
                        lead.name(),
                        lead.phone(),
                        lead.company(),
                        lead.message(),
                        lead.consent(),
                        lead.submissions(),
                        lead.firstAt(),
                        lead.lastAt(),
                        lead.conversations().stream()
                            .map(UUID::toString)
                            .collect(Collectors.joining(" ")),
                        lead.id()))
            .toList());
  }
}
