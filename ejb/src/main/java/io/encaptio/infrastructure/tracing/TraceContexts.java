package io.encaptio.infrastructure.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace a piece of work belongs to as text (W3C {@code traceparent}), so it can be stored with
 * a queued job and continued by the worker that runs it, on any node, any time later.
 */
public final class TraceContexts {

  private static final String HEADER = "traceparent";

  private static final TextMapGetter<String> STORED =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private TraceContexts() {}

  /** The current trace as a {@code traceparent}, or null outside a trace. */
  public static String current() {
    Map<String, String> headers = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    return headers.get(HEADER);
  }

  /**
   * The context to continue: the stored trace's, or the root context (a new trace) when nothing or
   * something unreadable was stored.
   */
  public static Context continuing(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
  }
}
