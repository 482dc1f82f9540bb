package io.encaptio.application.access;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the actor of the current thread's work, beside the tenant in {@code TenantContext}. Only
 * {@link #callAs} sets it and always restores the previous one, so an actor never outlives its
 * request or job.
 */
public final class ActorContext {

  private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

  private ActorContext() {}

  public static Optional<Actor> find() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static <T> T callAs(Actor actor, Callable<T> work) throws Exception {
    Objects.requireNonNull(actor, "actor");
    Actor previous = CURRENT.get();
    CURRENT.set(actor);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public static <T> T supplyAs(Actor actor, java.util.function.Supplier<T> work) {
    try {
      return callAs(actor, work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void runAs(Actor actor, Runnable work) {
    supplyAs(
        actor,
        () -> {
          work.run();
          return null;
        });
  }
}
