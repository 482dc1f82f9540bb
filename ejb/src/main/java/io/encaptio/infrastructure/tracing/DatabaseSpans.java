package io.encaptio.infrastructure.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Client spans for SQL statements, with OpenTelemetry's database attributes. A statement gets a
 * span only inside a trace that is recorded (a request's or a job's, sampled): SQL alone never
 * starts one, so the job queue's polls and the timers' reads don't fill the trace store, and a
 * trace the sampler left out costs its statements nothing.
 */
public final class DatabaseSpans {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");

  /** Statements longer than this are cut in the span (a batch of inserts can be megabytes). */
  static final int MOST_TEXT = 2_000;

  private DatabaseSpans() {}

  /** Work that runs SQL and may throw what the statement threw. */
  @FunctionalInterface
  public interface Statement<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code work} in a span named {@code name} (what the statement does, e.g. {@code SELECT
   * passages}) in the schema {@code namespace}, with the statement's text; without a span outside a
   * trace.
   */
  public static <T, E extends Exception> T around(
      Tracer tracer, String name, String namespace, String sql, Statement<T, E> work) throws E {
    if (!Span.current().isRecording()) {
      return work.run();
    }
    Span span =
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SYSTEM, "postgresql")
            .setAttribute(NAMESPACE, namespace)
            .startSpan();
    if (sql != null) {
      span.setAttribute(QUERY_TEXT, shortened(sql));
    }
    try (Scope ignored = span.makeCurrent()) {
      return work.run();
    } catch (Exception | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** Marks the span failed with what was thrown. */
  static void failed(Span span, Throwable e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
  }

  static String shortened(String sql) {
    return sql.length() <= MOST_TEXT ? sql : sql.substring(0, MOST_TEXT) + " …";
  }
}
