package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/**
 * A change asked of a tenant that takes none for a moment (its data is being moved to another
 * database server): refused before it reaches the database, nothing changed; a 503 that says to try
 * again shortly.
 */
@ApplicationException(rollback = true)
public class TenantReadOnlyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TenantReadOnlyException(String reason) {
    super(
        "This organization takes no changes for a moment ("
            + reason
            + "); reading goes on. Nothing was changed; try again shortly.");
  }
}
