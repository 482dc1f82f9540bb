package io.encaptio.interfaces;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web layer reaches data only through the services; entities never leave the service layer. */
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

  @Test
  void restResourcesDoNotDependOnTheTenancyDomain() {
    noClasses()
        .that()
        .resideInAPackage("..interfaces.api.rest..")
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
}
