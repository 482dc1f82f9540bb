package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/**
 * The tenant's data moved to another database server while the request ran (it held where the data
 * was before): nothing was changed, and the same request sent again reaches the new server.
 */
@ApplicationException(rollback = true)
public class TenantMovedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TenantMovedException() {
    super(
        "This organization's data moved to another database server while the request ran;"
            + " nothing was changed. Send it again.");
  }
}
