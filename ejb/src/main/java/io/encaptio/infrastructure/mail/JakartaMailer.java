package io.encaptio.infrastructure.mail;

import io.encaptio.domain.shared.Mailer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Mail through the server's {@code mail/encaptio} session (server.xml: host, port, sender). */
@ApplicationScoped
public class JakartaMailer implements Mailer {

  @Resource(lookup = "mail/encaptio")
  Session session;

  @Override
  public void send(String to, String subject, String text) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom();
      message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(Instant.now()));
      Transport.send(message);
    } catch (MessagingException e) {
      throw new MailNotSentException(
          "The mail to " + to + " could not be sent: " + e.getMessage(), e);
    }
  }
}
