package io.encaptio.interfaces;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web layer reaches data only through the services: no entity manager, no entity, no other
 * module's infrastructure, no transaction of its own, and request and response bodies that are DTO
 * records (of this layer or of the service API), never domain types. A violation fails the build
 * with the offending class, method or call.
 */
class WebArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.encaptio");
  }

  @Test
  void theWebLayerNeverUsesAnEntityManager() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .check(classes);
  }

  /**
   * The web layer calls the service interfaces, never their implementations or the beans behind
   * them: those are reached only through a service, whose declared permission is checked first.
   */
  @Test
  void theWebLayerCallsOnlyServiceInterfaces() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.encaptio.application.internal..")
        .check(classes);
  }

  @Test
  void restResourcesDoNotDependOnTheTenancyDomain() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.encaptio.tenancy.domain..")
        .check(classes);
  }

  @Test
  void theWebLayerNeverTouchesAnEntity() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .check(classes);
  }

  /** Caches, counters, persistence, parsers: reached through the services' interfaces only. */
  @Test
  void theWebLayerNeverUsesAnyModulesInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.encaptio.infrastructure..", "io.encaptio.tenancy.infrastructure..")
        .check(classes);
  }

  /**
   * Transactions start at the EJB: resources, filters and backing beans call services and never
   * begin a transaction themselves, neither declared on their own methods nor by calling a CDI
   * bean's method that begins one ({@code @Transactional} REQUIRED or REQUIRES_NEW).
   */
  @Test
  void theWebLayerStartsNoTransaction() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .callCodeUnitWhere(targetStartsATransaction())
        .orShould()
        .beAnnotatedWith(Transactional.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(UserTransaction.class)
        .check(classes);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("io.encaptio.interfaces..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(classes);
  }

  /** JSON in and out of the API: DTO records, never a domain value object or entity. */
  @Test
  void requestAndResponseBodiesAreNoDomainTypes() {
    methods().that(areResourceMethods()).should(carryNoDomainTypes()).check(classes);
  }

  /**
   * The web layer's JAX-RS resource methods. A method answering a {@code Response} builds its
   * entity inside, out of this rule's sight; those entities are checked by review.
   */
  private static DescribedPredicate<JavaMethod> areResourceMethods() {
    return new DescribedPredicate<>("are JAX-RS resource methods of the web layer") {
      @Override
      public boolean test(JavaMethod method) {
        return method.getOwner().getPackageName().startsWith("io.encaptio.interfaces")
            && (method.isAnnotatedWith(GET.class)
                || method.isAnnotatedWith(POST.class)
                || method.isAnnotatedWith(PUT.class)
                || method.isAnnotatedWith(DELETE.class)
                || method.isAnnotatedWith(PATCH.class));
      }
    };
  }

  private static DescribedPredicate<JavaAccess<?>> targetStartsATransaction() {
    return new DescribedPredicate<>("a method that begins a transaction (@Transactional)") {
      @Override
      public boolean test(JavaAccess<?> access) {
        return access.getTarget().resolveMember().map(m -> startsATransaction(m)).orElse(false);
      }
    };
  }

  private static boolean startsATransaction(Object member) {
    if (!(member instanceof JavaCodeUnit unit)) {
      return false;
    }
    Optional<Transactional> declared =
        unit.tryGetAnnotationOfType(Transactional.class)
            .or(() -> unit.getOwner().tryGetAnnotationOfType(Transactional.class));
    return declared
        .map(
            t ->
                t.value() == Transactional.TxType.REQUIRED
                    || t.value() == Transactional.TxType.REQUIRES_NEW)
        .orElse(false);
  }

  /** The method's return type and parameters, with their type arguments and record components. */
  private static ArchCondition<JavaMethod> carryNoDomainTypes() {
    return new ArchCondition<>("take and return no domain type") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Method reflected = method.reflect();
        Set<Class<?>> seen = new HashSet<>();
        Set<Class<?>> domain = new HashSet<>();
        walk(reflected.getGenericReturnType(), seen, domain);
        for (Type parameter : reflected.getGenericParameterTypes()) {
          walk(parameter, seen, domain);
        }
        for (Class<?> type : domain) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName()
                      + " carries the domain type "
                      + type.getName()
                      + " as JSON"));
        }
      }
    };
  }

  private static void walk(Type type, Set<Class<?>> seen, Set<Class<?>> domain) {
    if (type instanceof ParameterizedType parameterized) {
      walk(parameterized.getRawType(), seen, domain);
      for (Type argument : parameterized.getActualTypeArguments()) {
        walk(argument, seen, domain);
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        walk(bound, seen, domain);
      }
    } else if (type instanceof Class<?> raw && seen.add(raw)) {
      if (raw.isArray()) {
        walk(raw.getComponentType(), seen, domain);
        return;
      }
      String name = raw.getName();
      if (name.startsWith("io.encaptio.domain.")
          || name.startsWith("io.encaptio.tenancy.domain.")) {
        domain.add(raw);
      } else if (raw.isRecord() && name.startsWith("io.encaptio.")) {
        for (RecordComponent component : raw.getRecordComponents()) {
          walk(component.getGenericType(), seen, domain);
        }
      }
    }
  }
}
