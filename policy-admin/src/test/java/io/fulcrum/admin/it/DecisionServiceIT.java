package io.fulcrum.admin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The decision service on embedded H2 (in memory), as the README's main command runs it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionServiceIT extends DecisionServiceContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return builtWar();
  }
}
