package io.fulcrum.admin.it;

import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Continuous calibration on PostgreSQL (an empty schema per run, see {@link PostgresTestDatabase}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringPostgresIT extends MonitoringContract {

  @Deployment(testable = false)
  static WebArchive deployment() throws SQLException {
    DecisionServicePostgresIT.emptySchema();
    return war();
  }
}
