package org.tribune;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules: components by business capability with boundary, control and entity
 * inside; dependencies that point one way; domain code that knows nothing of HTTP.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tribune");
  }

  @Test
  void layersInsideEachComponentPointInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("boundary")
        .definedBy("org.tribune..boundary..")
        .layer("control")
        .definedBy("org.tribune..control..")
        .layer("entity")
        .definedBy("org.tribune..entity..")
        .whereLayer("boundary")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("control")
        .mayOnlyBeAccessedByLayers("boundary", "control")
        .because("resources translate HTTP, controls hold policies, entities hold state and rules")
        .check(classes);
  }

  @Test
  void theDomainKnowsNothingOfHttp() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tribune..control..", "org.tribune..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..")
        .because("one exception mapper turns domain exceptions into problem+json")
        .check(classes);
  }

  /** The demo seeds published reports, so it is the one exception (nothing depends on it). */
  @Test
  void reportsAndPortalAreReadersThatNothingDependsOn() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.tribune.reports..", "org.tribune.portal..", "org.tribune.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tribune.reports..", "org.tribune.portal..")
        .check(classes);
  }

  @Test
  void identityAndPlatformDependOnNoBusinessComponent() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tribune.identity..", "org.tribune.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tribune.voting..",
            "org.tribune.releases..",
            "org.tribune.selection..",
            "org.tribune.inquiries..",
            "org.tribune.qa..",
            "org.tribune.ledger..",
            "org.tribune.reports..",
            "org.tribune.ingest..")
        .check(classes);
  }

  @Test
  void theIngestKnowsNoVoteKind() {
    noClasses()
        .that()
        .resideInAPackage("org.tribune.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tribune.voting..", "org.tribune.releases..", "org.tribune.selection..")
        .check(classes);
  }

  @Test
  void noVagueClassNames() {
    noClasses()
        .should()
        .haveSimpleNameEndingWith("Impl")
        .orShould()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .check(classes);
  }

  @Test
  void resourcesLiveInBoundaries() {
    classes()
        .that()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should()
        .resideInAPackage("..boundary..")
        .check(classes);
  }
}
