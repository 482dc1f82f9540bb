package io.encaptio.infrastructure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class TraceContextsTest {

  private static final SpanContext QUEUED_IN =
      SpanContext.create(
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  @Test
  void aJobQueuedInATraceIsRunInTheSameTraceUnderTheSpanThatQueuedIt() {
    String stored;
    try (Scope ignored = Span.wrap(QUEUED_IN).makeCurrent()) {
      stored = TraceContexts.current();
    }
    assertThat(stored).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(stored).hasSizeLessThanOrEqualTo(55); // platform.jobs.trace_context

    SpanContext continued = Span.fromContext(TraceContexts.continuing(stored)).getSpanContext();
    assertThat(continued.getTraceId()).isEqualTo(QUEUED_IN.getTraceId());
    assertThat(continued.getSpanId()).isEqualTo(QUEUED_IN.getSpanId());
    assertThat(continued.isSampled()).isTrue();
    assertThat(continued.isRemote())
        .as("it comes from another thread, maybe another node")
        .isTrue();
  }

  @Test
  void outsideATraceNothingIsStoredAndAJobStartsATraceOfItsOwn() {
    assertThat(TraceContexts.current()).isNull();
    assertThat(Span.fromContext(TraceContexts.continuing(null)).getSpanContext().isValid())
        .isFalse();
    assertThat(Span.fromContext(TraceContexts.continuing("")).getSpanContext().isValid()).isFalse();
  }

  @Test
  void somethingUnreadableStoredStartsATraceOfItsOwnInsteadOfFailingTheJob() {
    assertThat(
            Span.fromContext(TraceContexts.continuing("00-not-a-trace-01"))
                .getSpanContext()
                .isValid())
        .isFalse();
  }
}
