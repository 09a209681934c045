package dev.vigil.scanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, enforced. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.scanner");

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
            "org.bouncycastle..",
            "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void bouncyCastleStaysInTheTlsPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..tls..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.bouncycastle..")
        .check(CLASSES);
  }

  @Test
  void restAndMessagingGoThroughServices() {
    noClasses()
        .that()
        .resideInAnyPackage("..rest..", "..messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..persistence..")
        .check(CLASSES);
  }
}
