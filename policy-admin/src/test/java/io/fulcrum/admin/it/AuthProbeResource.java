package io.fulcrum.admin.it;

import io.fulcrum.admin.security.BasicAuthentication;
import io.fulcrum.admin.security.ConfiguredIdentityStore;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test deployments only: how many password hashes the identity store has checked, and the
 * failed-login limit per user, as "checks limit".
 */
@Path("test-support/auth")
@RequestScoped
public class AuthProbeResource {

  @Inject ConfiguredIdentityStore store;

  @Inject BasicAuthentication authentication;

  @GET
  @PermitAll
  public String probe() {
    return store.hashChecks() + " " + authentication.loginLimits().perUser();
  }
}
