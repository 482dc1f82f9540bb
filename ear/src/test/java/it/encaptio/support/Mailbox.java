package it.encaptio.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test SMTP server's mailboxes (GreenMail, started by the test command), read through its REST
 * API: what really left the application and Keycloak through SMTP.
 */
public final class Mailbox {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  /** A mail as received: subject and its readable text. */
  public record Mail(String subject, String text) {

    /** The links in the text, in order. */
    public List<String> links() {
      List<String> links = new ArrayList<>();
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        links.add(m.group().replace("&amp;", "&"));
      }
      return links;
    }
  }

  private Mailbox() {}

  static String apiUrl() {
    String url = System.getenv("ENCAPTIO_DEV_MAILBOX_URL");
    return url == null || url.isBlank() ? "http://127.0.0.1:8025" : url;
  }

  /** Every mail to the address so far, oldest first. */
  public static List<Mail> of(String address) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          apiUrl()
                              + "/api/user/"
                              + URLEncoder.encode(address, StandardCharsets.UTF_8)
                              + "/messages/"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      List<Mail> mails = new ArrayList<>();
      if (response.statusCode() != 200) {
        return mails; // no mailbox yet: nothing arrived
      }
      for (JsonNode message : JSON.readTree(response.body())) {
        MimeMessage mime =
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(
                    message.get("mimeMessage").asText().getBytes(StandardCharsets.UTF_8)));
        mails.add(new Mail(mime.getSubject(), text(mime.getContent())));
      }
      return mails;
    } catch (Exception e) {
      throw new IllegalStateException("The test mail server did not answer at " + apiUrl(), e);
    }
  }

  /** The first mail to the address, waiting for it up to the timeout. */
  public static Optional<Mail> await(String address, Duration timeout) {
    return await(address, mail -> true, timeout);
  }

  /**
   * The first mail to the address that matches, waiting for it up to the timeout (a mailbox of a
   * demo account may hold mails of earlier runs: the test server keeps them while it runs).
   */
  public static Optional<Mail> await(
      String address, java.util.function.Predicate<Mail> matching, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      Optional<Mail> mail = of(address).stream().filter(matching).findFirst();
      if (mail.isPresent()) {
        return mail;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  private static String text(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }
}
