package io.fulcrum.admin.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Flyway owns the schema: the migrations under {@code db/migration/<database>/} (one folder per
 * supported database, {@code h2}, {@code hsqldb}, {@code postgresql}, because their column types
 * differ) are applied when Hibernate builds the persistence unit, before it validates the entities
 * against the tables ({@code hibernate.hbm2ddl.auto=validate} in persistence.xml).
 *
 * <p>Why a Hibernate {@link Integrator} (registered in {@code
 * META-INF/services/org.hibernate.integrator.spi.Integrator}) and not a start-up bean: Payara
 * creates the container-managed persistence unit while it deploys the application, before any CDI
 * or EJB start-up code runs, and Hibernate validates the schema right then; integrators are called
 * while the session factory is built, before that validation. The data source is the persistence
 * unit's own ({@link DataSourceConfiguration}).
 *
 * <p>A database created before Flyway (by {@code hbm2ddl.auto=update}, so with tables but no {@code
 * flyway_schema_history}) is taken to be at version 1, the baseline, which is that schema; later
 * migrations then apply as usual. A schema change is a new migration file per database: the audit
 * hash seals every column of a decision, so no column may change unreviewed.
 */
public final class SchemaMigration implements Integrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  /** The version an existing database without Flyway's history table is taken to be at. */
  static final String BASELINE_VERSION = "1";

  @Override
  public void integrate(
      Metadata metadata,
      BootstrapContext bootstrapContext,
      SessionFactoryImplementor sessionFactory) {
    ConnectionProvider connections =
        sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class);
    if (!connections.isUnwrappableAs(DataSource.class)) {
      throw new IllegalStateException(
          "schema migration needs the persistence unit's data source, but Hibernate connects"
              + " through "
              + connections.getClass().getName());
    }
    migrate(connections.unwrap(DataSource.class));
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // Nothing to undo: migrations stay applied.
  }

  /** Applies the pending migrations of the database behind {@code dataSource}. */
  public static MigrateResult migrate(DataSource dataSource) {
    String folder = folderOf(dataSource);
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/" + folder)
            .failOnMissingLocations(true)
            .baselineOnMigrate(true)
            .baselineVersion(BASELINE_VERSION)
            .baselineDescription("schema created by hbm2ddl before Flyway")
            .load();
    boolean hadHistory = flyway.info().applied().length > 0;
    MigrateResult result = flyway.migrate();
    if (!hadHistory && result.initialSchemaVersion != null) {
      LOG.info(
          () ->
              "database schema created before Flyway: taken to be at version "
                  + BASELINE_VERSION
                  + " (the baseline) and recorded in "
                  + flyway.getConfiguration().getTable());
    }
    LOG.info(
        () ->
            result.migrationsExecuted == 0
                ? "database schema at version "
                    + result.initialSchemaVersion
                    + ", up to date (db/migration/"
                    + folder
                    + ")"
                : "database schema migrated from "
                    + (result.initialSchemaVersion == null
                        ? "empty"
                        : "version " + result.initialSchemaVersion)
                    + " to version "
                    + result.targetSchemaVersion
                    + " by "
                    + result.migrationsExecuted
                    + " migration(s) of db/migration/"
                    + folder);
    return result;
  }

  /**
   * The migrations folder of the database's product: {@code h2}, {@code hsqldb} or {@code
   * postgresql}.
   */
  static String folderOf(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
    }
    return folderOf(product);
  }

  static String folderOf(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.equals("h2")) {
      return "h2";
    }
    if (p.startsWith("hsql")) {
      return "hsqldb";
    }
    if (p.equals("postgresql")) {
      return "postgresql";
    }
    throw new IllegalStateException(
        "unsupported database '"
            + productName
            + "': the schema migrations are written for H2, HSQLDB and PostgreSQL");
  }
}
