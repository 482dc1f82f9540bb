package io.encaptio.tenancy.application;

import jakarta.ejb.ApplicationException;

/**
 * The identity provider answered but refused the change (an account or membership in a state that
 * does not allow it); the message carries its reason. Nothing was changed by the refused call.
 */
@ApplicationException(rollback = true)
public class IdentityProviderRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean conflict;

  public IdentityProviderRefusedException(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  /** Whether the refusal is about the current state (409) rather than the request's input (400). */
  public boolean conflict() {
    return conflict;
  }
}
