package io.encaptio.interfaces.analytics.facade;

import io.encaptio.application.AnalyticsService.DayDto;
import io.encaptio.application.AnalyticsService.ReportDto;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A report's charts as Chart.js configurations, the value PrimeFaces' {@code p:chart} takes: each
 * series is the report's own figures, nothing computed again here.
 */
public final class AnalyticsCharts {

  private static final String[] COLOURS = {"#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed"};

  private AnalyticsCharts() {}

  /** Conversations, messages and visitors per day. */
  public static String activity(ReportDto report) {
    return chart(
        "line",
        days(report),
        Map.of(
            "Conversations", (ToDoubleFunction<DayDto>) DayDto::conversations,
            "Messages", DayDto::messages,
            "Visitors", DayDto::visitors),
        List.of("Conversations", "Messages", "Visitors"),
        report,
        null);
  }

  /** Share of questions answered per day, in per cent (days without questions left empty). */
  public static String answerRate(ReportDto report) {
    return chart(
        "line",
        days(report),
        Map.of(
            "Answered (%)",
            (ToDoubleFunction<DayDto>)
                d -> d.questions() == 0 ? Double.NaN : 100.0 * d.answered() / d.questions()),
        List.of("Answered (%)"),
        report,
        Json.createObjectBuilder()
            .add("y", Json.createObjectBuilder().add("min", 0).add("max", 100)));
  }

  /** Thumbs up and down per day. */
  public static String feedback(ReportDto report) {
    return chart(
        "bar",
        days(report),
        Map.of(
            "Thumbs up",
            (ToDoubleFunction<DayDto>) DayDto::positive,
            "Thumbs down",
            d -> d.feedback() - d.positive()),
        List.of("Thumbs up", "Thumbs down"),
        report,
        Json.createObjectBuilder()
            .add("x", Json.createObjectBuilder().add("stacked", true))
            .add("y", Json.createObjectBuilder().add("stacked", true)));
  }

  /** Leads and button clicks per day. */
  public static String conversion(ReportDto report) {
    return chart(
        "bar",
        days(report),
        Map.of("Leads", (ToDoubleFunction<DayDto>) DayDto::leads, "Button clicks", DayDto::clicks),
        List.of("Leads", "Button clicks"),
        report,
        null);
  }

  /** Conversations by channel. */
  public static String channels(ReportDto report) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    int i = 0;
    for (Map.Entry<String, Long> channel : report.channels().entrySet()) {
      labels.add(channel.getKey());
      values.add(channel.getValue());
      colours.add(COLOURS[i++ % COLOURS.length]);
    }
    return oneSeries("doughnut", labels, "Conversations", values, colours);
  }

  /** Messages by hour of the day. */
  public static String hours(ReportDto report) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (int hour = 0; hour < report.hours().size(); hour++) {
      labels.add(String.format("%02d:00", hour));
      values.add(report.hours().get(hour));
      colours.add(COLOURS[0]);
    }
    return oneSeries("bar", labels, "Messages (" + report.zone() + ")", values, colours);
  }

  /** A chart of one series over labels that are not days. */
  private static String oneSeries(
      String type, JsonArrayBuilder labels, String label, JsonArrayBuilder values, Object colours) {
    JsonObjectBuilder series = Json.createObjectBuilder().add("label", label).add("data", values);
    if (colours instanceof JsonArrayBuilder array) {
      series.add("backgroundColor", array);
    } else {
      series.add("backgroundColor", (jakarta.json.JsonValue) colours);
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add("datasets", Json.createArrayBuilder().add(series)))
        .add("options", options(null))
        .build()
        .toString();
  }

  private static List<String> days(ReportDto report) {
    return report.days().stream().map(d -> d.day().toString()).toList();
  }

  private static String chart(
      String type,
      List<String> labels,
      Map<String, ToDoubleFunction<DayDto>> series,
      List<String> order,
      ReportDto report,
      JsonObjectBuilder scales) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int i = 0;
    for (String name : order) {
      ToDoubleFunction<DayDto> figure = series.get(name);
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (DayDto day : report.days()) {
        double value = figure.applyAsDouble(day);
        if (Double.isNaN(value)) {
          data.addNull();
        } else if (value == Math.rint(value)) {
          data.add((long) value);
        } else {
          data.add(Math.round(value * 10) / 10.0);
        }
      }
      String colour = COLOURS[i++ % COLOURS.length];
      datasets.add(
          Json.createObjectBuilder()
              .add("label", name)
              .add("data", data)
              .add("borderColor", colour)
              .add("backgroundColor", colour)
              .add("tension", 0.2));
    }
    JsonArrayBuilder axis = Json.createArrayBuilder();
    labels.forEach(axis::add);
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", axis).add("datasets", datasets))
        .add("options", options(scales))
        .build()
        .toString();
  }

  /** Options of every chart, with these scales (null: Chart.js's own). */
  private static JsonObjectBuilder options(JsonObjectBuilder scales) {
    JsonObjectBuilder options =
        Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false);
    return scales == null ? options : options.add("scales", scales);
  }
}
