package io.encaptio.infrastructure.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.persistence.EntityManagerFactory;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.DataRecord;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionProfiler;
import org.eclipse.persistence.sessions.SessionProfilerAdapter;

/**
 * EclipseLink's profiler hook made into spans: every query a tenant's entity manager runs inside a
 * recorded trace (JPQL, criteria, native SQL, the writes of a commit) is a client span named after
 * the query and its entity ({@code ReadAllQuery Capsule}, {@code InsertObjectQuery Message}), with
 * the tenant's schema and the SQL EclipseLink sent. A query EclipseLink runs inside another (a unit
 * of work handing it to its session) is part of the outer span.
 */
public final class QuerySpans extends SessionProfilerAdapter {

  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  private final Tracer tracer;
  private final String schema;

  public QuerySpans(Tracer tracer, String schema) {
    this.tracer = tracer;
    this.schema = schema;
  }

  /**
   * Sets a profiler of this kind on the factory's session. An application that does not see
   * EclipseLink's API (a test's, deployed beside the product) gets none: its queries are not
   * traced.
   *
   * @return whether the factory's queries are traced
   */
  public static boolean install(EntityManagerFactory factory, Tracer tracer, String schema) {
    factory.unwrap(Session.class).setProfiler(new QuerySpans(tracer, schema));
    return true;
  }

  @Override
  public Object profileExecutionOfQuery(
      DatabaseQuery query, DataRecord row, AbstractSession session) {
    if (INSIDE.get() != null || !Span.current().isRecording()) {
      return session.internalExecuteQuery(query, (AbstractRecord) row);
    }
    Span span =
        tracer
            .spanBuilder(name(query))
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(DatabaseSpans.SYSTEM, "postgresql")
            .setAttribute(DatabaseSpans.NAMESPACE, schema)
            .startSpan();
    INSIDE.set(Boolean.TRUE);
    try (Scope ignored = span.makeCurrent()) {
      Object result = session.internalExecuteQuery(query, (AbstractRecord) row);
      String sql = query.getSQLString();
      if (sql != null) {
        span.setAttribute(DatabaseSpans.QUERY_TEXT, DatabaseSpans.shortened(sql));
      }
      return result;
    } catch (RuntimeException | Error e) {
      DatabaseSpans.failed(span, e);
      throw e;
    } finally {
      INSIDE.remove();
      span.end();
    }
  }

  @Override
  public int getProfileWeight() {
    return SessionProfiler.ALL;
  }

  static String name(DatabaseQuery query) {
    Class<?> entity = query.getReferenceClass();
    String kind = query.getClass().getSimpleName();
    return entity == null ? kind : kind + " " + entity.getSimpleName();
  }
}
