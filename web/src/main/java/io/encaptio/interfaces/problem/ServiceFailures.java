package io.encaptio.interfaces.problem;

import jakarta.ejb.EJBException;

/** What a service call refused, once the EJB container's wrapping is taken off. */
public final class ServiceFailures {

  private ServiceFailures() {}

  /** The exception the service threw (an InvalidTenantException, an IllegalStateException...). */
  public static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
