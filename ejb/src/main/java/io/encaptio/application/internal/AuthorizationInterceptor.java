package io.encaptio.application.internal;

import io.encaptio.application.TenantMovedException;
import io.encaptio.application.TenantReadOnlyException;
import io.encaptio.application.access.AccessDeniedException;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.tenancy.application.TenantResolver;
import io.encaptio.tenancy.context.TenantContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.ejb.Local;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one guard of every service: bound to all EJBs of this module (META-INF/ejb-jar.xml), it finds
 * the {@link Requires} of the called method on its service interface and refuses the call unless
 * the {@link Actor} of the thread has that permission. A service method that declares none is
 * refused too (deny by default). The first service call of a request or job is checked; the calls a
 * service makes to other services on its behalf are not checked again. After a method marked {@link
 * Audited} returns, its audit row is written in the same transaction. A person's audited call (a
 * change) to a tenant that is read-only for a moment is refused before it runs, instead of failing
 * in the database. Every service call is a span of the current trace ({@code
 * CapsuleService.publish}), with the tenant, and failed when it threw.
 */
public class AuthorizationInterceptor {

  /**
   * The rule of a method: its permission, audit action and the name of its span ({@code
   * Service.method}); empty for internal beans.
   */
  private record Rule(Permission permission, String audited, String span) {}

  static final AttributeKey<String> TENANT = AttributeKey.stringKey("encaptio.tenant");

  private static final ConcurrentHashMap<Method, Optional<Rule>> RULES = new ConcurrentHashMap<>();
  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  /** The package of the service interfaces, the use cases the web layer calls. */
  static final String SERVICES = "io.encaptio.application";

  @Inject CapsuleAccess capsules;
  @Inject AuditTrail audit;
  @Inject AuthorizationMetrics metrics;
  @Inject Tracer tracer;
  @Inject TenantResolver tenants;

  @AroundInvoke
  public Object authorize(InvocationContext call) throws Exception {
    Optional<Rule> rule = RULES.computeIfAbsent(call.getMethod(), AuthorizationInterceptor::rule);
    if (rule.isEmpty()) {
      return call.proceed(); // an internal bean: reachable only from services
    }
    Span span = tracer.spanBuilder(rule.get().span()).startSpan();
    TenantContext.find().ifPresent(tenant -> span.setAttribute(TENANT, tenant.slug()));
    try (Scope ignored = span.makeCurrent()) {
      return authorize(call, rule.get());
    } catch (RuntimeException e) {
      RuntimeException thrown = movedUnderneath(e).orElse(e);
      span.recordException(thrown);
      span.setStatus(StatusCode.ERROR, thrown.getClass().getSimpleName());
      throw thrown;
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * A failure because the current tenant's schema is no longer where the request thought (moved to
   * another server meanwhile: its table or schema is gone there), as the refusal to send the
   * request again; the stale look-up of the tenant is forgotten on every node. Empty for any other
   * failure.
   */
  private Optional<RuntimeException> movedUnderneath(Throwable failure) {
    Optional<io.encaptio.tenancy.application.TenantRef> tenant = TenantContext.find();
    if (tenant.isEmpty()
        || !TenantMovedException.schemaGone(
            failure, message -> message.contains(tenant.get().schemaName().value()))) {
      return Optional.empty();
    }
    tenants.forget(tenant.get().slug());
    return Optional.of(new TenantMovedException());
  }

  /** Checks (at the first service of a request or job), calls and audits, in the call's span. */
  private Object authorize(InvocationContext call, Rule rule) throws Exception {
    boolean entry = INSIDE.get() == null;
    if (entry) {
      long started = System.nanoTime();
      try {
        check(rule.permission(), call);
        if (rule.audited() != null) {
          refuseWhileReadOnly();
        }
      } finally {
        metrics.checked(System.nanoTime() - started);
      }
      INSIDE.set(Boolean.TRUE);
    }
    try {
      Object result = call.proceed();
      if (rule.audited() != null) {
        Object target = call.getParameters().length > 0 ? call.getParameters()[0] : null;
        String action = rule.audited();
        audit.record(
            action,
            target == null ? null : String.valueOf(target),
            target instanceof UUID id && aboutACapsule(action) ? id : null,
            null);
      }
      return result;
    } finally {
      if (entry) {
        INSIDE.remove();
      }
    }
  }

  private void check(Permission permission, InvocationContext call) {
    Actor actor = ActorContext.find().orElse(null);
    if (permission == null) {
      throw new AccessDeniedException(
          "This operation declares no permission and is refused; it is a defect, please report it.");
    }
    if (!permission.allows(actor)) {
      throw new AccessDeniedException(refusal(permission, actor));
    }
    if (permission.perCapsule()) {
      capsules
          .refusal(actor, (UUID) call.getParameters()[0])
          .ifPresent(
              why -> {
                throw new AccessDeniedException(why);
              });
    }
  }

  /**
   * A person's change while their tenant is read-only (being moved) would fail in PostgreSQL
   * (SQLSTATE 25006), which the container logs as an unexpected failure with its stack; refused
   * here with the same answer instead. Operators' calls go on (the move itself is one); a change
   * that began before the tenant became read-only still meets the database's refusal.
   */
  private static void refuseWhileReadOnly() {
    if (ActorContext.find().map(Actor::kind).orElse(null) != Actor.Kind.PERSON) {
      return;
    }
    TenantContext.find()
        .filter(io.encaptio.tenancy.application.TenantRef::readOnly)
        .ifPresent(
            tenant -> {
              throw new TenantReadOnlyException(tenant.readOnlyReason());
            });
  }

  /** Actions whose method takes the capsule's id first (the audit log's capsule filter). */
  static boolean aboutACapsule(String action) {
    return action.startsWith("capsule.")
        || action.startsWith("content.")
        || action.startsWith("golden_question.")
        || action.startsWith("gap.");
  }

  static String refusal(Permission permission, Actor actor) {
    if (actor == null) {
      return "Sign in to do this.";
    }
    if (permission.minimum() == null) {
      return "Only Encaptio's operators may do this.";
    }
    String roles = permission.minimum().andAbove();
    String yours =
        actor.role() == null
            ? "You have no role in this organization"
            : "Your role in this organization is " + actor.role().label();
    return yours + "; " + permission.purpose() + " needs one of: " + roles + ".";
  }

  /** The rule of the interface method the bean method implements, if the bean is a service. */
  private static Optional<Rule> rule(Method method) {
    Local local = method.getDeclaringClass().getAnnotation(Local.class);
    if (local == null) {
      return Optional.empty(); // no business interface: an internal bean
    }
    for (Class<?> type : local.value()) {
      if (!SERVICES.equals(type.getPackageName())) {
        continue; // an internal interface (job handlers): reached only from services and jobs
      }
      try {
        Method declared = type.getMethod(method.getName(), method.getParameterTypes());
        Requires requires = declared.getAnnotation(Requires.class);
        Audited audited = declared.getAnnotation(Audited.class);
        return Optional.of(
            new Rule(
                requires == null ? null : requires.value(),
                audited == null ? null : audited.value(),
                type.getSimpleName() + "." + method.getName()));
      } catch (NoSuchMethodException notThisInterface) {
        // the method belongs to another interface of the bean
      }
    }
    return Optional.empty();
  }
}
