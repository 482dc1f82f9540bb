package io.encaptio.tenancy.application;

/** The identity provider could not be reached or refused the platform's credentials. */
public class IdentityProviderUnavailableException extends RuntimeException {

  public IdentityProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public IdentityProviderUnavailableException(String message) {
    super(message);
  }
}
