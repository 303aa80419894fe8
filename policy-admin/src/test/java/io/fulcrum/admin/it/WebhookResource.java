package io.fulcrum.admin.it;

import io.fulcrum.admin.application.monitoring.MonitoringAlerts;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.net.URI;

/** Test deployments only: points the monitoring alerts at a test webhook (?url=). */
@Path("test-support/monitoring-webhook")
@RequestScoped
public class WebhookResource {

  @Inject MonitoringAlerts alerts;

  @POST
  @PermitAll
  public String use(@QueryParam("url") String url) {
    alerts.useWebhook(URI.create(url));
    return url;
  }
}
