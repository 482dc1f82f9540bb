package io.encaptio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Local;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering of the services module and of the tenancy library it builds on (both on this module's
 * test classpath). A violation fails with the offending class and dependency.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.encaptio");
  }

  @Test
  void tenancyKnowsNothingOfTheProduct() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.tenancy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.encaptio.application..", "io.encaptio.interfaces..")
        .check(classes);
  }

  @Test
  void applicationServicesDoNotDependOnTheWebLayer() {
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..interfaces..")
        .check(classes);
  }

  @Test
  void tenancyDomainDependsOnNoApplicationOrInfrastructureCode() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.tenancy.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..infrastructure..", "..application..")
        .check(classes);
  }

  @Test
  void tenancyApplicationDoesNotDependOnTenancyInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.tenancy.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.encaptio.tenancy.infrastructure..")
        .check(classes);
  }

  @Test
  void productDomainDependsOnNoServiceInfrastructureOrWebCode() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.encaptio.application..", "io.encaptio.infrastructure..", "io.encaptio.interfaces..")
        .check(classes);
  }

  /**
   * Application code begins transactions only as EJBs (container-managed, where the service's
   * method is the boundary); a CDI bean's {@code @Transactional} there would begin one outside any
   * service. Infrastructure adapters called from EJBs (the job queue's claims, tenancy's registry)
   * may still run short transactions of their own.
   */
  @Test
  void applicationCodeBeginsTransactionsOnlyAsEjbs() {
    noClasses()
        .that()
        .resideInAPackage("io.encaptio.application..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(classes);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("io.encaptio.application..")
        .should()
        .beAnnotatedWith(Transactional.class)
        .check(classes);
  }

  /**
   * Every method of a service interface (the use cases the web layer calls) declares who may call
   * it; the authorization interceptor refuses a method without a declaration at run time, this rule
   * fails the build first.
   */
  @Test
  void everyServiceMethodDeclaresItsPermission() {
    Set<String> services = new HashSet<>();
    for (JavaClass bean : classes) {
      bean.tryGetAnnotationOfType(Local.class)
          .ifPresent(
              local ->
                  Arrays.stream(local.value())
                      .filter(t -> t.getPackageName().equals("io.encaptio.application"))
                      .forEach(t -> services.add(t.getName())));
    }
    assertThat(services).as("the EJBs' local service interfaces").hasSizeGreaterThan(10);
    methods()
        .that()
        .areDeclaredInClassesThat(
            DescribedPredicate.describe(
                "are the local business interface of an EJB", c -> services.contains(c.getName())))
        .and()
        .areNotStatic()
        .and()
        .doNotHaveModifier(JavaModifier.SYNTHETIC)
        .should()
        .beAnnotatedWith(Requires.class)
        .check(classes);
  }

  /** A per-capsule permission reads the capsule from the first parameter: it must be its id. */
  @Test
  void perCapsulePermissionsTakeTheCapsuleIdFirst() {
    methods()
        .that()
        .areAnnotatedWith(Requires.class)
        .should(
            new ArchCondition<>(
                "take the capsule's UUID first when the permission is per capsule") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                Permission permission = method.getAnnotationOfType(Requires.class).value();
                if (permission.perCapsule()
                    && (method.getRawParameterTypes().isEmpty()
                        || !method.getRawParameterTypes().get(0).isEquivalentTo(UUID.class))) {
                  events.add(
                      SimpleConditionEvent.violated(
                          method, method.getFullName() + " does not take the capsule id first"));
                }
              }
            })
        .check(classes);
  }

  /** Service refusals are application exceptions: passed on unwrapped, rolled back, not logged. */
  @Test
  void refusalsAreApplicationExceptionsThatRollBack() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Exception")
        .and()
        .resideInAnyPackage(
            "io.encaptio.domain..", "io.encaptio.application..", "io.encaptio.tenancy.domain..")
        .should(beApplicationExceptionsThatRollBack())
        .check(classes);
  }

  private static ArchCondition<JavaClass> beApplicationExceptionsThatRollBack() {
    return new ArchCondition<>("be @ApplicationException(rollback = true)") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean ok = false;
        for (JavaClass c = type; c != null; c = c.getRawSuperclass().orElse(null)) {
          var annotation = c.tryGetAnnotationOfType(ApplicationException.class);
          if (annotation.isPresent()) {
            ok = annotation.get().rollback();
            break;
          }
        }
        if (!ok) {
          events.add(
              SimpleConditionEvent.violated(
                  type, type.getName() + " is not an application exception that rolls back"));
        }
      }
    };
  }
}
