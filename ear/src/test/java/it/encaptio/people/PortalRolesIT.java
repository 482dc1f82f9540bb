package it.encaptio.people;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.ItEnvironment;
import it.encaptio.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page of the portal, opened in Chromium by a member (vera in acme) and by an owner (alice):
 * pages above a member's role answer 403 (or send them back) for vera and open for alice; the
 * navigation shows vera no link she would be refused. The page list is read from the web module's
 * sources, so a new page fails this test until its role is stated here.
 */
class PortalRolesIT {

  /** The lowest role each portal page is for; the pages every member opens say member. */
  private static final Map<String, String> PAGES =
      Map.ofEntries(
          Map.entry("dashboard", "member"),
          Map.entry("capsules", "member"),
          Map.entry("capsule", "member"),
          Map.entry("models", "member"),
          Map.entry("playground", "member"),
          Map.entry("choose-organization", "member"),
          Map.entry("notifications", "member"),
          Map.entry("inbox", "analyst"),
          Map.entry("gaps", "analyst"),
          Map.entry("analytics", "analyst"),
          Map.entry("first-capsule", "editor"),
          Map.entry("people", "admin"),
          Map.entry("audit", "admin"),
          // where the portal sends a person whose organization cannot be served; not a page to open
          Map.entry("no-tenant", "none"));

  private static String capsule;

  @BeforeAll
  static void aCapsuleOfAcme() {
    ItEnvironment.awaitDemoTenants();
    var created =
        Members.call(
            "POST",
            "/api/v1/capsules",
            Members.token("alice.acme"),
            null,
            "{\"name\":\"Pages\",\"template\":\"blank\"}");
    capsule = ItEnvironment.json(created.body()).get("id").asText();
  }

  static List<String> pages() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../web/src/main/webapp/app"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".xhtml"))
          .map(n -> n.substring(0, n.length() - ".xhtml".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void aMemberIsRefusedThePagesAboveTheirRoleAndAnOwnerOpensThemAll() throws Exception {
    List<String> pages = pages();
    assertThat(PAGES.keySet()).as("every portal page has its role here").containsAll(pages);
    List<String> wrong = new ArrayList<>();
    Browser vera = new Browser();
    try {
      vera.openSignedIn("/app/dashboard.xhtml", "vera.acme");
      vera.wait.until(d -> !d.findElements(By.id("role")).isEmpty());
      assertThat(vera.driver.findElements(By.id("navForm:peopleNav"))).isEmpty();
      assertThat(vera.driver.findElements(By.id("navForm:auditNav"))).isEmpty();
      vera.open("/app/capsule.xhtml?id=" + capsule);
      vera.wait.until(d -> !d.findElements(By.id("capsuleName")).isEmpty());
      assertThat(vera.driver.findElements(By.id("teamForm:team"))).isEmpty();
      assertThat(vera.driver.findElements(By.id("openInbox"))).isEmpty();
      assertThat(vera.driver.findElements(By.id("openGaps"))).isEmpty();
      for (String page : pages) {
        String role = PAGES.get(page);
        if (role.equals("none")) {
          continue;
        }
        boolean refused = refused(vera, page);
        if (refused != !role.equals("member")) {
          wrong.add("vera (member) " + (refused ? "was refused " : "opened ") + page);
        }
      }
    } finally {
      vera.close("portal-roles-member");
    }
    Browser alice = new Browser();
    try {
      alice.openSignedIn("/app/dashboard.xhtml", "alice.acme");
      alice.wait.until(d -> !d.findElements(By.id("role")).isEmpty());
      for (String page : pages) {
        if (!PAGES.get(page).equals("none") && refused(alice, page)) {
          wrong.add("alice (owner) was refused " + page);
        }
      }
      alice.open("/app/capsule.xhtml?id=" + capsule);
      alice.wait.until(d -> !d.findElements(By.id("capsuleName")).isEmpty());
      assertThat(alice.driver.findElements(By.id("teamForm:team")))
          .as("admins and owners put a capsule in a team")
          .isNotEmpty();
      alice.open("/app/people.xhtml");
      alice.wait.until(d -> !d.findElements(By.id("people:peopleTable")).isEmpty());
      assertThat(alice.text("people:peopleTable")).contains("vera@acme.example", "member");
    } finally {
      alice.close("portal-roles-owner");
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Opens the page and waits for it to load; refused means an error page of 403, or being sent
   * elsewhere. (A page that fails while it renders still counts as opened: checking that it
   * rendered to its end fails in CI until the embedding models survive an application restart, see
   * EmbeddingWarmUp.)
   */
  private static boolean refused(Browser browser, String page) {
    browser.open("/app/" + page + ".xhtml?id=" + capsule);
    browser.wait.until(
        d ->
            "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState"))
                || d.getPageSource().contains("403"));
    String source = browser.driver.getPageSource();
    String url = browser.driver.getCurrentUrl();
    return source.contains("Error 403") || !url.contains("/app/" + page + ".xhtml");
  }
}
