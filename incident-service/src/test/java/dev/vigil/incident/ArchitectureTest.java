package dev.vigil.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "dev.vigil.incident",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPlainJava =
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
              "com.fasterxml..")
          .because("the domain is plain Java, tested without a framework");

  @ArchTest
  static final ArchRule restAndMessagingGoThroughServices =
      noClasses()
          .that()
          .resideInAnyPackage("..rest..", "..messaging..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..persistence..")
          .because("transactions live on services");

  @ArchTest
  static final ArchRule domainDependsOnNoOtherLayer =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..incident.persistence..",
              "..incident.service..",
              "..incident.rest..",
              "..incident.messaging..",
              "..incident.config..");
}
