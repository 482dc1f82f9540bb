package io.encaptio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.ApplicationException;
import jakarta.transaction.Transactional;
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
