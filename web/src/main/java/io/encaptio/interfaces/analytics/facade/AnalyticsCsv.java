package io.encaptio.interfaces.analytics.facade;

import io.encaptio.application.AnalyticsService.DayDto;
import io.encaptio.application.AnalyticsService.ReportDto;
import io.encaptio.interfaces.rest.Csv;
import java.util.List;

/** A report's daily figures as CSV, one row per day. */
public final class AnalyticsCsv {

  private static final String[] HEADER = {
    "day",
    "conversations",
    "messages",
    "visitors",
    "questions",
    "answered",
    "feedback",
    "positive",
    "leads",
    "clicks"
  };

  private AnalyticsCsv() {}

  public static String write(ReportDto report) {
    List<List<Object>> rows =
        report.days().stream()
            .map(
                (DayDto d) ->
                    List.<Object>of(
                        d.day().toString(),
                        d.conversations(),
                        d.messages(),
                        d.visitors(),
                        d.questions(),
                        d.answered(),
                        d.feedback(),
                        d.positive(),
                        d.leads(),
                        d.clicks()))
            .toList();
    return Csv.write(HEADER, rows);
  }
}
