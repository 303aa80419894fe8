package io.fulcrum.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Test deployments only: the server JVM's default locale and time zone, as "language-COUNTRY zone",
 * so a test can check that Payara runs under the tests' de_DE and Asia/Kolkata.
 */
@Path("test-support/jvm")
@RequestScoped
public class JvmSettingsResource {

  @GET
  @PermitAll
  public String settings() {
    return Locale.getDefault().toLanguageTag() + " " + TimeZone.getDefault().getID();
  }
}
