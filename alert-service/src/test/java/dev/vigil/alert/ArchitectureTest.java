package dev.vigil.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package map of STYLE.md, enforced. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil.alert");
  }

  @Test
  void domainImportsNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "org.apache.kafka..",
            "io.smallrye..",
            "org.hibernate..",
            "com.fasterxml..",
            "org.eclipse.microprofile..")
        .check(classes);
  }

  @Test
  void domainDependsOnlyOnTheJdkAndTheEventContract() {
    classes()
        .that()
        .resideInAPackage("dev.vigil.alert.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.vigil.events..", "dev.vigil.alert.domain..")
        .check(classes);
  }

  @Test
  void ruleEngineUsesCelAndYamlButNoFramework() {
    classes()
        .that()
        .resideInAPackage("dev.vigil.alert.rules..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "dev.vigil.events..",
            "dev.vigil.alert.domain..",
            "dev.vigil.alert.rules..",
            "dev.cel..",
            "com.google.protobuf..",
            "com.google.common..",
            "org.yaml.snakeyaml..")
        .check(classes);
  }

  @Test
  void restAndMessagingGoThroughTheServiceLayer() {
    noClasses()
        .that()
        .resideInAnyPackage("..alert.rest..", "..alert.messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..alert.persistence..", "jakarta.persistence..", "org.hibernate..")
        .check(classes);
  }

  @Test
  void persistenceKnowsNothingOfTheLayersAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("..alert.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..alert.service..", "..alert.rest..", "..alert.messaging..")
        .check(classes);
  }

  @Test
  void transactionsLiveOnServices() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..alert.service..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.transaction.Transactional")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.vigil.alert.(*)..").should().beFreeOfCycles().check(classes);
  }
}
