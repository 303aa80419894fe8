package io.fulcrum.admin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The decision log's proofs and attacks on embedded H2 (in memory). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditProofIT extends AuditProofContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return builtWar().addClass(TamperResource.class);
  }
}
