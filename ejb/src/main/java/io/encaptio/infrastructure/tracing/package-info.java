/**
 * Traces (MicroProfile Telemetry): spans for SQL ({@link QuerySpans} for the ORM, {@link
 * DatabaseSpans} for plain JDBC), the W3C trace context kept with a queued job ({@link
 * TraceContexts}) and the trace id in every JSON log line ({@link TraceLogField}). Requests get
 * their HTTP spans from Liberty, service calls theirs from the authorization interceptor.
 */
package io.encaptio.infrastructure.tracing;
