package io.encaptio.infrastructure.mail;

/** The SMTP server did not take a mail. */
public class MailNotSentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MailNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
