package io.encaptio.tenancy.context;

import io.encaptio.tenancy.application.TenantRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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

  /** Per thread, for each tenant scope that is open (innermost first): what closes at its end. */
  private static final ThreadLocal<Deque<List<AutoCloseable>>> AT_END =
      ThreadLocal.withInitial(ArrayDeque::new);

  private TenantContext() {}

  /** The current tenant; throws when none is set, so tenant data is never read without one. */
  public static TenantRef current() {
    return CURRENT.find().orElseThrow(NoTenantException::new);
  }

  public static Optional<TenantRef> find() {
    return CURRENT.find();
  }

  /**
   * Runs the work as the tenant and restores the previous state afterwards, whatever happens; what
   * the work handed to {@link #closeWhenDone} is closed then too.
   */
  public static <T> T callAs(TenantRef tenant, Callable<T> work) throws Exception {
    Deque<List<AutoCloseable>> scopes = AT_END.get();
    scopes.push(new ArrayList<>());
    try {
      return CURRENT.callAs(tenant, work);
    } finally {
      closeAll(scopes.pop());
      if (scopes.isEmpty()) {
        AT_END.remove();
      }
    }
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public static <T> T supplyAs(TenantRef tenant, java.util.function.Supplier<T> work) {
    return ThreadScope.unchecked(() -> callAs(tenant, work::get));
  }

  /** {@link #callAs} for work that returns nothing and throws only unchecked exceptions. */
  public static void runAs(TenantRef tenant, Runnable work) {
    ThreadScope.unchecked(() -> callAs(tenant, java.util.concurrent.Executors.callable(work)));
  }

  /**
   * Closes the resource when the innermost tenant scope of the thread ends (an entity manager
   * opened outside a transaction, say); without a tenant scope there is nothing to tie it to.
   */
  public static void closeWhenDone(AutoCloseable resource) {
    Deque<List<AutoCloseable>> scopes = AT_END.get();
    if (scopes.isEmpty()) {
      AT_END.remove();
      throw new NoTenantException();
    }
    scopes.peek().add(resource);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    RuntimeException failed = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failed == null) {
          failed = new IllegalStateException("Closing a tenant scope's resource failed", e);
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
