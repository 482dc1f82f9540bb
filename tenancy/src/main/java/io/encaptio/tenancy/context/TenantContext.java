package io.encaptio.tenancy.context;

import io.encaptio.tenancy.application.TenantRef;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the current tenant for one thread, and names it in every log record of the thread. Only
 * {@link #callAs} sets it, so it is always cleared (restoring any outer tenant) in {@code finally};
 * async hops capture {@link #current()} and call {@code callAs} again on the worker thread.
 */
public final class TenantContext {

  private static final ThreadLocal<TenantRef> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /** The current tenant; throws when none is set, so tenant data is never read without one. */
  public static TenantRef current() {
    TenantRef tenant = CURRENT.get();
    if (tenant == null) {
      throw new NoTenantException();
    }
    return tenant;
  }

  public static Optional<TenantRef> find() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs the work as the tenant and restores the previous state afterwards, whatever happens. */
  public static <T> T callAs(TenantRef tenant, Callable<T> work) throws Exception {
    Objects.requireNonNull(tenant, "tenant");
    TenantRef previous = CURRENT.get();
    CURRENT.set(tenant);
    TenantLogContext.enter(tenant);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
      TenantLogContext.restore(previous);
    }
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public static <T> T supplyAs(TenantRef tenant, java.util.function.Supplier<T> work) {
    try {
      return callAs(tenant, work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #callAs} for work that returns nothing and throws only unchecked exceptions. */
  public static void runAs(TenantRef tenant, Runnable work) {
    supplyAs(
        tenant,
        () -> {
          work.run();
          return null;
        });
  }
}
