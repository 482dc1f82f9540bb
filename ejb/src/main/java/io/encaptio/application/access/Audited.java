package io.encaptio.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes an audit row when the service method returns normally, in the method's own transaction (a
 * rolled-back change leaves no row). The target is the method's first parameter; for per-capsule
 * permissions that is also the capsule. Methods that know a before and an after write their row
 * themselves through {@code AuditTrail} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
  /** The action's name in the log, {@code capsule.published}. */
  String value();
}
