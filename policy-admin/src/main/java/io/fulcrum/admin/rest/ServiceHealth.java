package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.AuditChain;
import io.fulcrum.admin.application.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the active policy is compiled (served at /health/ready). */
@Readiness
@ApplicationScoped
public class ServiceHealth implements HealthCheck {

  @Inject AuditChain chain;

  @Inject PolicyEngine policies;

  @Inject io.fulcrum.admin.application.monitoring.MonitoringService monitoring;

  @Override
  public HealthCheckResponse call() {
    try {
      long head = chain.head().sequence();
      String policy = policies.active().stamp().ref();
      // Monitoring (issue #19): degraded, still serving, while a monitored policy is red.
      java.util.List<String> red = monitoring.redPolicies();
      return HealthCheckResponse.named("fulcrum")
          .up()
          .withData("auditHead", head)
          .withData("activePolicy", policy)
          .withData("monitoring", red.isEmpty() ? "ok" : "degraded: red traffic light for " + red)
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("fulcrum").down().withData("error", e.toString()).build();
    }
  }
}
