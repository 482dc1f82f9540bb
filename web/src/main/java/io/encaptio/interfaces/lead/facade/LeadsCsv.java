package io.encaptio.interfaces.lead.facade;

import io.encaptio.application.DeliveryService.LeadDto;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Leads as CSV (RFC 4180, a header row, UTF-8 with a byte-order mark so spreadsheets read accents).
 * Visitors typed these fields: a value a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is written with a leading apostrophe, so it stays text.
 */
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
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (LeadDto lead : leads) {
        csv.printRecord(
            text(lead.email()),
            text(lead.name()),
            text(lead.phone()),
            text(lead.company()),
            text(lead.message()),
            text(lead.consent()),
            lead.submissions(),
            lead.firstAt(),
            lead.lastAt(),
            lead.conversations().stream().map(UUID::toString).collect(Collectors.joining(" ")),
            lead.id());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }
}
