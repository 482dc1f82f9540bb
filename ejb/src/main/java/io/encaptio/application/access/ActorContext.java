package io.encaptio.application.access;

import io.encaptio.tenancy.context.ThreadScope;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the actor of the current thread's work, beside the tenant in {@code TenantContext}. Only
 * {@link #callAs} sets it and always restores the previous one, so an actor never outlives its
 * request or job.
 */
public final class ActorContext {

  private static final ThreadScope<Actor> CURRENT = new ThreadScope<>();

  private ActorContext() {}

  public static Optional<Actor> find() {
    return CURRENT.find();
  }

  public static <T> T callAs(Actor actor, Callable<T> work) throws Exception {
    return CURRENT.callAs(actor, work);
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public static <T> T supplyAs(Actor actor, java.util.function.Supplier<T> work) {
    return CURRENT.supplyAs(actor, work);
  }

  public static void runAs(Actor actor, Runnable work) {
    CURRENT.runAs(actor, work);
  }
}
