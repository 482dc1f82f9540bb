package it.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.AssistantService;
import io.encaptio.application.AuditService;
import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleWizard;
import io.encaptio.application.ChatModelService;
import io.encaptio.application.ContentService;
import io.encaptio.application.DeliveryService;
import io.encaptio.application.GoldenQuestionService;
import io.encaptio.application.KnowledgeGapService;
import io.encaptio.application.NotificationService;
import io.encaptio.application.PeopleService;
import io.encaptio.application.RetrievalService;
import io.encaptio.application.TenantAdministration;
import io.encaptio.application.TenantDirectory;
import io.encaptio.application.TenantProvisioning;
import io.encaptio.application.TenantReadOnlyException;
import io.encaptio.application.VisitorService;
import io.encaptio.application.access.AccessDeniedException;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.domain.user.Role;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import it.encaptio.support.Deployments;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services themselves refuse who may not call them, whatever calls them (a page, an endpoint, a
 * forgotten new entry point): every method of every service interface is called as a person of each
 * role, as an operator and with no actor, with placeholder arguments, and must refuse exactly the
 * callers its declared permission excludes, before it does anything else.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAuthorizationIT {

  static final List<Class<?>> SERVICES =
      List.of(
          AnalyticsService.class,
          NotificationService.class,
          AssistantService.class,
          AuditService.class,
          CapsuleService.class,
          CapsuleWizard.class,
          ChatModelService.class,
          ContentService.class,
          DeliveryService.class,
          GoldenQuestionService.class,
          KnowledgeGapService.class,
          PeopleService.class,
          RetrievalService.class,
          TenantAdministration.class,
          TenantDirectory.class,
          TenantProvisioning.class,
          VisitorService.class);

  @Deployment
  static WebArchive deployment() throws Exception {
    // The services' module binds the interceptor in its META-INF/ejb-jar.xml; in this test's WAR
    // the module is a library, so the same file is the WAR's own.
    return Deployments.ejbModule("service-authorization-it", ServiceAuthorizationIT.class)
        .addAsWebInfResource(
            new FileAsset(Path.of("../ejb/src/main/resources/META-INF/ejb-jar.xml").toFile()),
            "ejb-jar.xml");
  }

  @Test
  void everyServiceMethodRefusesExactlyTheCallersItsPermissionExcludes() throws Exception {
    TenantRef acme = acme();
    List<Actor> callers = new ArrayList<>();
    for (Role role : Role.values()) {
      callers.add(
          Actor.person("authz-" + role.label(), "Test " + role.label(), "127.0.0.1")
              .withMembership(role, Set.of()));
    }
    callers.add(Actor.operator("authz-operator", "Test operator", "127.0.0.1"));
    callers.add(null);

    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Class<?> service : SERVICES) {
      Object bean = CDI.current().select(service).get();
      for (Method method : serviceMethods(service)) {
        Permission permission = method.getAnnotation(Requires.class).value();
        for (Actor caller : callers) {
          boolean refused = refused(bean, method, caller, acme);
          calls++;
          if (refused == permission.allows(caller)) {
            wrong.add(
                service.getSimpleName()
                    + "."
                    + method.getName()
                    + " ("
                    + permission
                    + ") as "
                    + (caller == null ? "nobody" : caller.name())
                    + (refused ? " was refused" : " was let through"));
          }
        }
      }
    }
    assertThat(calls).isGreaterThan(600);
    assertThat(wrong).isEmpty();
  }

  /**
   * While a tenant is read-only (being moved), a person's changes (the audited methods) are refused
   * before they run, whatever the method, and the rest (reads) go on to the service.
   */
  @Test
  void aPersonsChangesToAReadOnlyTenantAreRefusedBeforeTheyRunAndReadsGoOn() throws Exception {
    TenantRef acme = acme();
    TenantRef moving =
        new TenantRef(
            acme.id(),
            acme.slug(),
            acme.displayName(),
            acme.schemaName(),
            acme.status(),
            acme.suspensionReason(),
            acme.plan(),
            acme.databaseServer(),
            "being moved to another database server");
    Actor owner =
        Actor.person("authz-owner", "Test owner", "127.0.0.1").withMembership(Role.OWNER, Set.of());
    List<String> wrong = new ArrayList<>();
    int changes = 0;
    for (Class<?> service : SERVICES) {
      Object bean = CDI.current().select(service).get();
      for (Method method : serviceMethods(service)) {
        if (!method.getAnnotation(Requires.class).value().allows(owner)) {
          continue;
        }
        boolean change = method.isAnnotationPresent(Audited.class);
        changes += change ? 1 : 0;
        Throwable failure = failure(bean, method, owner, moving);
        if (change != failure instanceof TenantReadOnlyException) {
          wrong.add(
              service.getSimpleName()
                  + "."
                  + method.getName()
                  + (change
                      ? " (a change) ran: " + failure
                      : " (a read) was refused as read-only"));
        }
      }
    }
    assertThat(changes).as("audited methods an owner may call").isGreaterThan(30);
    assertThat(wrong).isEmpty();
  }

  private static TenantRef acme() {
    return ActorContext.supplyAs(
            Actor.system("test"),
            () -> CDI.current().select(TenantDirectory.class).get().tenant("acme"))
        .orElseThrow();
  }

  /** The service's own methods: its interface's abstract ones, each with a permission. */
  private static List<Method> serviceMethods(Class<?> service) {
    return java.util.Arrays.stream(service.getMethods())
        .filter(m -> !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .toList();
  }

  private static boolean refused(Object bean, Method method, Actor caller, TenantRef tenant)
      throws Exception {
    return failure(bean, method, caller, tenant) instanceof AccessDeniedException;
  }

  /** What the call threw, unwrapped; null when it returned. */
  private static Throwable failure(Object bean, Method method, Actor caller, TenantRef tenant)
      throws Exception {
    Object[] arguments = placeholders(method);
    try {
      if (caller == null) {
        TenantContext.callAs(tenant, () -> method.invoke(bean, arguments));
      } else {
        ActorContext.callAs(
            caller, () -> TenantContext.callAs(tenant, () -> method.invoke(bean, arguments)));
      }
      return null;
    } catch (Exception e) {
      Throwable cause = e;
      while ((cause instanceof InvocationTargetException || cause instanceof EJBException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause;
    }
  }

  /** Arguments that name nothing that exists: unknown ids, empty text, no body. */
  private static Object[] placeholders(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      if (type == UUID.class) {
        values[i] = UUID.randomUUID();
      } else if (type == String.class) {
        values[i] = "placeholder-" + UUID.randomUUID();
      } else if (type == int.class || type == long.class) {
        values[i] = type == int.class ? (Object) 1 : (Object) 1L;
      } else if (type == boolean.class) {
        values[i] = false;
      }
    }
    return values;
  }
}
