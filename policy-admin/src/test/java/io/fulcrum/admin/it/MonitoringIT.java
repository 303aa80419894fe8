package io.fulcrum.admin.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Continuous calibration on embedded H2. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT extends MonitoringContract {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return war();
  }
}
