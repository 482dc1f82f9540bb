package it.encaptio.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Analytics page in Chromium for a capsule with seeded visitor events: its charts draw the
 * report's own series (read back from Chart.js in the page) and its figures match the API's, a zone
 * that is none is refused with what to send, and the dashboard's last 7 days are the organization's
 * report; a member sees no Analytics in the menu or on the dashboard and is refused the page.
 */
class AnalyticsBrowserIT {

  @Test
  void theChartsDrawTheReportsSeriesAndMembersAreRefused() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi editor = new CapsuleApi("eddie.acme");
    AnalyticsSeed seed = AnalyticsSeed.newCapsule(editor);
    try (Connection db = ItEnvironment.database()) {
      List<String> visitors = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        visitors.add("visitor-" + UUID.randomUUID());
      }
      Instant now = Instant.now();
      seed.write(
          db,
          ItEnvironment.tenantSchema(db, "acme"),
          new Random(),
          visitors,
          150,
          now.minus(Duration.ofMinutes(60)),
          now);
    }
    AnalyticsSeed.awaitRollUpAfter(Instant.now());
    JsonNode report =
        editor.expectAt(200, "GET", "/api/v1/analytics?capsule=" + seed.capsule, null);
    List<Long> conversations = new ArrayList<>();
    List<String> days = new ArrayList<>();
    for (JsonNode day : report.get("days")) {
      conversations.add(day.get("conversations").asLong());
      days.add(day.get("day").asText());
    }
    assertThat(conversations.stream().mapToLong(Long::longValue).sum()).isPositive();

    Browser eddie = new Browser();
    try {
      eddie.openSignedIn("/app/analytics.xhtml?capsule=" + seed.capsule, "eddie.acme");
      assertThat(eddie.text("conversationsTotal"))
          .isEqualTo(report.get("totals").get("conversations").asText());
      Object drawn =
          eddie.wait.until(
              d ->
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "var w = window.PF && PF('activityChart');"
                              + " return w && w.chart ? {labels: w.chart.data.labels,"
                              + " conversations: w.chart.data.datasets[0].data,"
                              + " label: w.chart.data.datasets[0].label} : null;"));
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> chart = (java.util.Map<String, Object>) drawn;
      assertThat(chart.get("label")).isEqualTo("Conversations");
      assertThat(((List<?>) chart.get("labels")).stream().map(String::valueOf).toList())
          .containsExactlyElementsOf(days);
      assertThat(
              ((List<?>) chart.get("conversations"))
                  .stream().map(v -> ((Number) v).longValue()).toList())
          .containsExactlyElementsOf(conversations);
      Object channels =
          ((JavascriptExecutor) eddie.driver)
              .executeScript(
                  "return PF('channelChart').chart.data.datasets[0].data.reduce((a, b) => a + b, 0);");
      assertThat(((Number) channels).longValue())
          .as("the channel split adds up to the conversations")
          .isEqualTo(report.get("totals").get("conversations").asLong());

      eddie.open("/app/analytics.xhtml?zone=Mars/Olympus_Mons");
      eddie.wait.until(d -> d.getPageSource().contains("</main>"));
      assertThat(eddie.driver.findElement(By.id("main")).getText())
          .as("a zone that is none is refused on the page, saying what to send")
          .contains("Unknown time zone \"Mars/Olympus_Mons\"");
      assertThat(eddie.driver.findElements(By.id("conversationsTotal"))).isEmpty();
      eddie.open("/app/analytics.xhtml?from=yesterday");
      eddie.wait.until(d -> d.getPageSource().contains("</main>"));
      assertThat(eddie.driver.findElement(By.id("main")).getText())
          .as("a day that is none is refused on the page, saying how to write one")
          .contains("'yesterday' is not a day; write it as 2026-12-06.");
      assertThat(eddie.driver.findElements(By.id("conversationsTotal"))).isEmpty();

      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      JsonNode week =
          editor.expectAt(
              200,
              "GET",
              "/api/v1/analytics?from=" + today.minusDays(6) + "&to=" + today + "&zone=UTC",
              null);
      eddie.open("/app/dashboard.xhtml");
      assertThat(eddie.text("weekConversations"))
          .as("the dashboard's last 7 days are the organization's report for them")
          .isEqualTo(week.get("totals").get("conversations").asText());
    } finally {
      eddie.close("analytics-page");
    }

    try (Browser vera = new Browser()) {
      vera.openSignedIn("/app/dashboard.xhtml", "vera.acme");
      vera.wait.until(d -> !d.findElements(By.id("role")).isEmpty());
      assertThat(vera.driver.findElements(By.id("navForm:analyticsNav"))).isEmpty();
      assertThat(vera.driver.findElements(By.id("weekConversations")))
          .as("a member's dashboard shows no analytics")
          .isEmpty();
      vera.open("/app/analytics.xhtml?capsule=" + seed.capsule);
      vera.wait.until(
          d -> d.getPageSource().contains("</html>") || d.getPageSource().contains("403"));
      assertThat(vera.driver.getPageSource()).contains("Error 403");
      assertThat(vera.driver.findElements(By.id("conversationsTotal"))).isEmpty();
    }
  }
}
