package io.encaptio.infrastructure.tracing;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Puts the current trace and span into every log record written inside one: Liberty's JSON log
 * carries them as {@code ext_traceId} and {@code ext_spanId} (beside {@code ext_tenant}), so a log
 * line leads to its trace and a trace to its log lines. Liberty asks the registered fields on the
 * thread that logs; outside a trace they are left out.
 */
@Singleton
@Startup
public class TraceLogField {

  static final String TRACE = "traceId";
  static final String SPAN = "spanId";

  // Liberty holds registered fields weakly: these references keep them for the application's life.
  private final LogRecordContext.Extension trace =
      () -> valid() ? Span.current().getSpanContext().getTraceId() : null;
  private final LogRecordContext.Extension span =
      () -> valid() ? Span.current().getSpanContext().getSpanId() : null;

  /** Whether this application registered the fields (another one in the server may have). */
  private boolean registered;

  @PostConstruct
  void register() {
    try {
      LogRecordContext.registerExtension(TRACE, trace);
    } catch (IllegalArgumentException alreadyThere) {
      // the fields are per server, and another application beside this one (a test's) added
      // them: they read the same current span, so they are left to it
      return;
    }
    LogRecordContext.registerExtension(SPAN, span);
    registered = true;
  }

  @PreDestroy
  void unregister() {
    if (registered) {
      LogRecordContext.unregisterExtension(TRACE);
      LogRecordContext.unregisterExtension(SPAN);
    }
  }

  private static boolean valid() {
    return Span.current().getSpanContext().isValid();
  }
}
