package io.encaptio.tenancy.context;

import io.encaptio.tenancy.application.TenantRef;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the current tenant for one thread, and names it in every log record of the thread. Only
 * {@link #callAs} sets it, so it is always cleared (restoring any outer tenant) in {@code finally};
 * async hops capture {@link #current()} and call {@code callAs} again on the worker thread.
 */
public final class TenantContext {

  private static final ThreadScope<TenantRef> CURRENT =
      new ThreadScope<>(TenantLogContext::restore);

  private TenantContext() {}

  /** The current tenant; throws when none is set, so tenant data is never read without one. */
  public static TenantRef current() {
    return CURRENT.find().orElseThrow(NoTenantException::new);
  }

  public static Optional<TenantRef> find() {
    return CURRENT.find();
  }

  /** Runs the work as the tenant and restores the previous state afterwards, whatever happens. */
  public static <T> T callAs(TenantRef tenant, Callable<T> work) throws Exception {
    return CURRENT.callAs(tenant, work);
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public static <T> T supplyAs(TenantRef tenant, java.util.function.Supplier<T> work) {
    return CURRENT.supplyAs(tenant, work);
  }

  /** {@link #callAs} for work that returns nothing and throws only unchecked exceptions. */
  public static void runAs(TenantRef tenant, Runnable work) {
    CURRENT.runAs(tenant, work);
  }
}
