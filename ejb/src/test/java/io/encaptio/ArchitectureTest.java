package io.encaptio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
