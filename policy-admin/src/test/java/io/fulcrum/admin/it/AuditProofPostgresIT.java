package io.fulcrum.admin.it;

import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The decision log's proofs and attacks on PostgreSQL, in the empty schema {@code fulcrum_it} the
 * PostgreSQL ITs share (see {@link DecisionServicePostgresIT}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditProofPostgresIT extends AuditProofContract {

  @Deployment(testable = false)
  static WebArchive deployment() throws SQLException {
    PostgresTestDatabase.emptySchema(DecisionServicePostgresIT.SCHEMA);
    return builtWar().addClass(TamperResource.class);
  }
}
