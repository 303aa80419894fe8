package io.fulcrum.admin;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The decision service's layers: {@code rest} is the HTTP edge, {@code application} the use cases
 * (no HTTP), {@code persistence} the only place that talks JPA, Hibernate or Flyway (the edge maps
 * JPA's {@code PersistenceException} to a 500 problem, and uses nothing else of it).
 */
@AnalyzeClasses(packages = "io.fulcrum.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class AdminArchitectureTest {

  private static final String REST = "io.fulcrum.admin.rest..";
  private static final String APPLICATION = "io.fulcrum.admin.application..";
  private static final String PERSISTENCE = "io.fulcrum.admin.persistence..";

  private static final DescribedPredicate<JavaClass> STORAGE_API =
      resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb..")
          .as("JPA, Hibernate or Flyway");

  @ArchTest
  static final ArchRule applicationDoesNotDependOnRest =
      noClasses()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(REST)
          .because("the use cases must not know how they are served over HTTP");

  @ArchTest
  static final ArchRule persistenceDoesNotDependOnRest =
      noClasses()
          .that()
          .resideInAPackage(PERSISTENCE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(REST)
          .because("storage must not know how it is served over HTTP");

  @ArchTest
  static final ArchRule onlyPersistenceUsesJpaHibernateOrFlyway =
      noClasses()
          .that()
          .resideOutsideOfPackages(PERSISTENCE, REST)
          .should()
          .dependOnClassesThat(STORAGE_API)
          .because("entities, queries and the schema live in admin/persistence only");

  /** The edge maps a failed database call to a 500 problem; nothing else of JPA reaches it. */
  @ArchTest
  static final ArchRule restUsesOnlyJpasExceptionType =
      noClasses()
          .that()
          .resideInAPackage(REST)
          .should()
          .dependOnClassesThat(
              STORAGE_API.and(not(type(jakarta.persistence.PersistenceException.class))))
          .because("rest maps PersistenceException to a problem response and uses no other JPA");

  @ArchTest
  static final ArchRule onlyRestUsesJaxRs =
      noClasses()
          .that()
          .resideOutsideOfPackage(REST)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("jakarta.ws.rs..")
          .because("rest is the HTTP edge: resources, mappers and filters live there");
}
