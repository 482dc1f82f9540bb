package io.encaptio.interfaces.dev;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo mailbox of a development machine: every mail the local SMTP stand-in (GreenMail)
 * received, newest first, with its links clickable, so a newcomer can follow an invitation. Reads
 * GreenMail's REST API at {@code encaptio.dev.mailbox.url}; without that setting (production) the
 * page does not exist (404).
 */
@WebServlet("/dev/mailbox")
public class DevMailboxServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  @Inject
  @ConfigProperty(name = "encaptio.dev.mailbox.url")
  Optional<String> mailboxUrl;

  private record Mail(String to, String subject, String sent, String text) {}

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (mailboxUrl.isEmpty() || mailboxUrl.get().isBlank()) {
      resp.sendError(404);
      return;
    }
    List<Mail> mails;
    try {
      mails = read(mailboxUrl.get());
    } catch (RuntimeException e) {
      resp.sendError(503, "The development mail server does not answer at " + mailboxUrl.get());
      return;
    }
    resp.setContentType("text/html;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-store");
    PrintWriter out = resp.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">");
    out.println(
        "<title>Demo mailbox · Encaptio</title><style>body{font-family:system-ui,sans-serif;"
            + "max-width:50rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccd;"
            + "border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}"
            + ".meta{color:#556}</style></head><body>");
    out.println(
        "<h1>Demo mailbox</h1><p class=\"meta\">Every mail Encaptio and Keycloak sent on this"
            + " development machine (GreenMail; nothing leaves the machine). Newest first.</p>");
    if (mails.isEmpty()) {
      out.println("<p id=\"empty\">No mail yet.</p>");
    }
    for (Mail mail : mails) {
      out.println("<article class=\"mail\"><h2>" + escape(mail.subject()) + "</h2>");
      out.println(
          "<p class=\"meta\">To <span class=\"to\">"
              + escape(mail.to())
              + "</span>"
              + (mail.sent() == null ? "" : " · " + escape(mail.sent()))
              + "</p>");
      out.println("<pre>" + linked(mail.text()) + "</pre></article>");
    }
    out.println("</body></html>");
  }

  private static List<Mail> read(String base) {
    Client client =
        ClientBuilder.newBuilder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    try {
      List<Mail> mails = new ArrayList<>();
      JsonArray users = client.target(base + "/api/user").request().get(JsonArray.class);
      for (JsonObject user : users.getValuesAs(JsonObject.class)) {
        String email = user.getString("email", user.getString("login", ""));
        JsonArray messages =
            client
                .target(
                    base
                        + "/api/user/"
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "/messages/")
                .request()
                .get(JsonArray.class);
        for (JsonObject message : messages.getValuesAs(JsonObject.class)) {
          mails.add(parse(email, message.getString("mimeMessage", "")));
        }
      }
      mails.sort((a, b) -> String.valueOf(b.sent()).compareTo(String.valueOf(a.sent())));
      return mails;
    } finally {
      client.close();
    }
  }

  private static Mail parse(String to, String raw) {
    try {
      MimeMessage message =
          new MimeMessage(
              Session.getInstance(new Properties()),
              new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
      return new Mail(
          to,
          String.valueOf(message.getSubject()),
          message.getSentDate() == null ? null : message.getSentDate().toInstant().toString(),
          text(message));
    } catch (MessagingException | IOException e) {
      return new Mail(to, "(unreadable mail)", null, raw);
    }
  }

  /** The plain-text part, else the HTML part with its tags taken out. */
  static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
          String text = text(child);
          if (text != null) {
            return text;
          }
        } else if (child.isMimeType("text/html")) {
          html = String.valueOf(child.getContent());
        }
      }
      return html == null ? null : html.replaceAll("<[^>]+>", " ");
    }
    if (part.isMimeType("text/html")) {
      return String.valueOf(part.getContent()).replaceAll("<[^>]+>", " ");
    }
    return null;
  }

  private static String linked(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Matcher links = LINK.matcher(text);
    int last = 0;
    while (links.find()) {
      out.append(escape(text.substring(last, links.start())));
      String url = links.group();
      out.append("<a class=\"link\" href=\"")
          .append(escape(url))
          .append("\">")
          .append(escape(url))
          .append("</a>");
      last = links.end();
    }
    return out.append(escape(text.substring(last))).toString();
  }

  private static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
