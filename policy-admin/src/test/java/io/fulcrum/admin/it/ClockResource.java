package io.fulcrum.admin.it;

import io.fulcrum.admin.application.ServiceClock;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;

/** Test deployments only: moves the service clock forward (?by=PT2H), returns the new now. */
@Path("test-support/clock")
@RequestScoped
public class ClockResource {

  @Inject ServiceClock clock;

  @POST
  @PermitAll
  public String advance(@QueryParam("by") String by) {
    return clock.advance(Duration.parse(by)).toString();
  }
}
