package io.encaptio.domain.shared;

/** Sends plain-text mail through the platform's SMTP server. */
public interface Mailer {

  /** Sends the mail now; throws when the SMTP server does not take it. */
  void send(String to, String subject, String text);
}
