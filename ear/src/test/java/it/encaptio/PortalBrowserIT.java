package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs in to the portal through Keycloak in headless Chromium, and signs out. */
class PortalBrowserIT {

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void demoTenantsAreRegistered() {
    ItEnvironment.awaitDemoTenants();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory("encaptio-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      Path shot = Path.of("target/failsafe-reports/portal-last.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void ownerSignsInSeesTheirTenantAndSignsOutOfKeycloakToo() {
    browser.get(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    waitForKeycloakLogin();

    signIn("alice.acme");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenantSlug")));
    assertThat(browser.getCurrentUrl())
        .startsWith(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    assertThat(browser.findElement(By.id("tenantSlug")).getText()).isEqualTo("acme");
    assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("Acme Corp");
    assertThat(browser.findElement(By.id("userName")).getText()).isEqualTo("Alice Anders");
    // The sign-in was recorded in acme's own schema.
    assertThat(browser.findElement(By.id("signInCount")).getText())
        .matches("\\d+ since \\d{4}-\\d{2}-\\d{2}");

    browser.findElement(By.id("userMenuForm:userMenu_button")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("userMenuForm:signOut"))).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signedOut")));
    assertThat(browser.getCurrentUrl()).startsWith(ItEnvironment.baseUrl() + "/signed-out.xhtml");

    // The Keycloak session ended too: the portal asks for a sign-in again instead of letting us in.
    browser.get(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    waitForKeycloakLogin();
    assertThat(browser.findElements(By.id("tenantSlug"))).isEmpty();
  }

  @Test
  void editorOfGlobexSeesGlobexNotAcme() {
    browser.get(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    waitForKeycloakLogin();

    signIn("gus.globex");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenantSlug")));
    assertThat(browser.findElement(By.id("tenantSlug")).getText()).isEqualTo("globex");
    assertThat(browser.getPageSource()).doesNotContain("Acme Corp");
  }

  @Test
  void consultantInTwoOrganizationsChoosesOneAtSignIn() {
    browser.get(ItEnvironment.baseUrl() + "/app/dashboard.xhtml");
    waitForKeycloakLogin();

    signIn("casey.consultant", "globex");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tenantSlug")));
    assertThat(browser.findElement(By.id("tenantSlug")).getText()).isEqualTo("globex");
    assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("Globex Inc");
  }

  private void waitForKeycloakLogin() {
    wait.until(d -> d.getCurrentUrl().startsWith(ItEnvironment.keycloakUrl() + "/realms/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
  }

  private void signIn(String username) {
    signIn(username, null);
  }

  /**
   * Keycloak with organizations asks for the username first; a member of several organizations then
   * picks one; the password comes last.
   */
  private void signIn(String username, String organization) {
    browser.findElement(By.id("username")).sendKeys(username);
    List<WebElement> password = browser.findElements(By.id("password"));
    if (password.isEmpty() || !password.get(0).isDisplayed()) {
      browser.findElement(By.id("kc-login")).click();
      wait.until(
          d ->
              !d.findElements(By.name("kc.org")).isEmpty()
                  || !d.findElements(By.id("password")).isEmpty());
      if (organization != null) {
        browser
            .findElement(By.cssSelector("[name='kc.org'][value='" + organization + "']"))
            .click();
      }
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }
    browser.findElement(By.id("password")).sendKeys(ItEnvironment.DEMO_PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    if (organization != null && browser.findElements(By.id("tenantSlug")).isEmpty()) {
      wait.until(
          d ->
              !d.findElements(By.name("kc.org")).isEmpty()
                  || !d.findElements(By.id("tenantSlug")).isEmpty());
      browser
          .findElements(By.cssSelector("[name='kc.org'][value='" + organization + "']"))
          .forEach(WebElement::click);
    }
  }
}
