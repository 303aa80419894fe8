package io.fulcrum.admin.it;

import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same tests on PostgreSQL (127.0.0.1:5432, database fulcrum_test, created when missing: see
 * {@link PostgresTestDatabase}). Each run starts from an empty schema {@code fulcrum_it}, which the
 * service then creates its tables in; the connection settings reach Payara through {@code
 * payara.cmdOptions} (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionServicePostgresIT extends DecisionServiceContract {

  static final String SCHEMA = "fulcrum_it";

  @Deployment(testable = false)
  static WebArchive deployment() throws SQLException {
    emptySchema();
    return builtWar();
  }

  /** Drops and re-creates the schema the service's tables go into. */
  static void emptySchema() throws SQLException {
    PostgresTestDatabase.emptySchema(SCHEMA);
  }
}
