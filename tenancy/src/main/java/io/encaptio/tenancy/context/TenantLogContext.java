package io.encaptio.tenancy.context;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.encaptio.tenancy.application.TenantRef;

/**
 * Puts the current tenant into every log record the thread writes: Liberty's JSON log carries it as
 * {@code ext_tenant}. Outside Liberty (unit tests) the API class still works and costs nothing.
 */
final class TenantLogContext {

  static final String FIELD = "tenant";

  private TenantLogContext() {}

  /** Names the tenant that holds now in the thread's log records, or removes the field (none). */
  static void restore(TenantRef previous) {
    if (previous == null) {
      LogRecordContext.removeExtension(FIELD);
    } else {
      LogRecordContext.addExtension(FIELD, previous.slug());
    }
  }
}
