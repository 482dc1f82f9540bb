package it.encaptio.support;

import it.encaptio.ItEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, with the Keycloak sign-in steps. */
public final class Browser implements AutoCloseable {

  public final WebDriver driver;
  public final WebDriverWait wait;

  public Browser() throws Exception {
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
        "--window-size=1280,1600",
        "--user-data-dir=" + Files.createTempDirectory("encaptio-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Ajax updates replace elements while a wait reads them; read again instead of failing.
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Opens a page of the product, by its path. */
  public void open(String path) {
    driver.get(ItEnvironment.baseUrl() + path);
  }

  public String text(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  /** Types into a field once it is shown, reading it again if an ajax update replaced it. */
  public void type(String id, CharSequence... keys) {
    wait.until(
        d -> {
          WebElement field = d.findElement(By.id(id));
          if (!field.isDisplayed()) {
            return false;
          }
          field.sendKeys(keys);
          return true;
        });
  }

  public void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  /**
   * Clicks an action button in the operator console's row of exactly this tenant (found by its
   * identifier, never by position, so a filter still settling cannot redirect the click).
   */
  public void clickTenantAction(String slug, String action) {
    By button =
        By.xpath(
            "//tbody[@id='tenantsForm:tenants_data']/tr[.//span[@class='tenant-slug' and"
                + " normalize-space(text())='"
                + slug
                + "']]//button[substring(@id, string-length(@id) - "
                + action.length()
                + ")=':"
                + action
                + "']");
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
  }

  /** The status shown in the operator console's row of this tenant. */
  public String tenantStatus(String slug) {
    return driver
        .findElement(
            By.xpath(
                "//tbody[@id='tenantsForm:tenants_data']/tr[.//span[@class='tenant-slug' and"
                    + " normalize-space(text())='"
                    + slug
                    + "']]//*[contains(@class,'ui-tag')]"))
        .getText();
  }

  public void waitForKeycloakLogin() {
    wait.until(d -> d.getCurrentUrl().startsWith(ItEnvironment.keycloakUrl() + "/realms/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
  }

  /** On the organization chooser: works in the organization of that name. */
  public void workIn(String organization) {
    driver
        .findElement(By.xpath("//button[.//span[text()='Work in " + organization + "']]"))
        .click();
  }

  /** From any portal page: the user menu's "switch organization", then {@link #workIn}. */
  public void switchTo(String organization) {
    click("userMenuForm:userMenu_button");
    click("userMenuForm:switchOrganization");
    workIn(organization);
  }

  /** Opens a page, is sent to Keycloak, and signs in there. */
  public void openSignedIn(String path, String username) {
    open(path);
    waitForKeycloakLogin();
    signIn(username, null);
  }

  /**
   * Keycloak with organizations asks for the username first; a member of several organizations then
   * picks one; the password comes last.
   */
  public void signIn(String username, String organization) {
    signIn(username, ItEnvironment.DEMO_PASSWORD, organization);
  }

  public void signIn(String username, String secret, String organization) {
    driver.findElement(By.id("username")).sendKeys(username);
    List<WebElement> password = driver.findElements(By.id("password"));
    if (password.isEmpty() || !password.get(0).isDisplayed()) {
      driver.findElement(By.id("kc-login")).click();
      wait.until(
          d ->
              !d.findElements(By.name("kc.org")).isEmpty()
                  || !d.findElements(By.id("password")).isEmpty());
      if (organization != null) {
        driver.findElement(organizationButton(organization)).click();
      }
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }
    driver.findElement(By.id("password")).sendKeys(secret);
    driver.findElement(By.id("kc-login")).click();
    if (organization != null) {
      wait.until(
          d ->
              !d.getCurrentUrl().startsWith(ItEnvironment.keycloakUrl())
                  || !d.findElements(By.name("kc.org")).isEmpty());
      driver.findElements(organizationButton(organization)).forEach(WebElement::click);
    }
  }

  private static By organizationButton(String organization) {
    return By.cssSelector("[name='kc.org'][value='" + organization + "']");
  }

  /** Keeps a screenshot of the last page for the test report, then quits. */
  /** The signed-in session's cookies as a {@code Cookie} header, for timing pages outside it. */
  public String cookieHeader() {
    return driver.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public void close(String name) throws Exception {
    Path shot = Path.of("target/failsafe-reports/" + name + ".png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    close();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
