package io.fulcrum.admin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Policy governance on embedded H2 (in memory). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyGovernanceIT extends PolicyGovernanceContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return warWithClock();
  }
}
