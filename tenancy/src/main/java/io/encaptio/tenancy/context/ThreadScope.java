package io.encaptio.tenancy.context;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value held for one thread while some work runs, and restored (the outer value, or none)
 * afterwards whatever happens: the tenant of a request or job ({@link TenantContext}), its actor.
 * Only {@link #callAs} sets it, so it never outlives its work.
 *
 * @param <T> what is held
 */
public final class ThreadScope<T> {

  private final ThreadLocal<T> current = new ThreadLocal<>();
  private final Consumer<T> onChange;

  /**
   * @param onChange told the value that holds from now on (null when none), e.g. for logging
   */
  public ThreadScope(Consumer<T> onChange) {
    this.onChange = onChange;
  }

  public ThreadScope() {
    this(value -> {});
  }

  public Optional<T> find() {
    return Optional.ofNullable(current.get());
  }

  public <R> R callAs(T value, Callable<R> work) throws Exception {
    Objects.requireNonNull(value, "value");
    T previous = current.get();
    current.set(value);
    onChange.accept(value);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
      onChange.accept(previous);
    }
  }

  /** {@link #callAs} for work that throws only unchecked exceptions. */
  public <R> R supplyAs(T value, Supplier<R> work) {
    return unchecked(() -> callAs(value, work::get));
  }

  /** Calls work that throws only unchecked exceptions, which pass as they are. */
  static <R> R unchecked(Callable<R> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #callAs} for work that returns nothing and throws only unchecked exceptions. */
  public void runAs(T value, Runnable work) {
    supplyAs(
        value,
        () -> {
          work.run();
          return null;
        });
  }
}
