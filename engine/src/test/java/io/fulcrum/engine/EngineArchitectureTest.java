package io.fulcrum.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is a plain library that the command line, the benchmarks and the service all run: no
 * container, HTTP, persistence or application-server API in its classes (the enforcer's
 * bannedDependencies in engine/pom.xml keeps such jars off its class path; this checks the code).
 */
@AnalyzeClasses(
    packages = "io.fulcrum.engine",
    importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

  @ArchTest
  static final ArchRule engineUsesNoContainerApi =
      noClasses()
          .that()
          .resideInAPackage("io.fulcrum.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta..",
              "javax.persistence..",
              "javax.ws.rs..",
              "javax.servlet..",
              "org.eclipse.microprofile..",
              "org.hibernate..",
              "org.flywaydb..",
              "fish.payara..")
          .because("the engine runs outside any container (CLI, benchmarks, tests)");

  @ArchTest
  static final ArchRule engineKnowsNothingOfItsCallers =
      noClasses()
          .that()
          .resideInAPackage("io.fulcrum.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fulcrum.admin..", "io.fulcrum.cli..", "io.fulcrum.scenarios..")
          .because("the service, the command line and the scenario runners depend on the engine");
}
