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

  @Override
  public HealthCheckResponse call() {
    try {
      long head = chain.head().sequence();
      String policy = policies.active().stamp().ref();
      return HealthCheckResponse.named("fulcrum")
          .up()
          .withData("auditHead", head)
          .withData("activePolicy", policy)
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("fulcrum").down().withData("error", e.toString()).build();
    }
  }
}
