package io.fulcrum.admin.application;

import io.fulcrum.admin.persistence.JpaAuditLog;
import io.fulcrum.admin.persistence.StoreDurability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up: make commits durable before they return (see {@link StoreDurability}), create the
 * audit chain head if the database is new, import the shipped policy bundles not stored yet, load
 * the activation timeline, compile the active policy.
 */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Inject StoreDurability durability;

  @Inject JpaAuditLog auditLog;

  @Inject ShippedPolicyImport shipped;

  @Inject PolicyEngine policies;

  @Inject MarketData marketData;

  @Inject io.fulcrum.admin.application.monitoring.MonitoringJob monitoring;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    durability.ensure();
    auditLog.initialise();
    shipped.importShipped();
    marketData.importShipped();
    policies.reload();
    monitoring.start();
    try {
      var active = policies.active().stamp();
      LOG.info(
          () ->
              "ready: audit chain at record "
                  + auditLog.head().sequence()
                  + ", active policy "
                  + active.ref()
                  + " (bundle "
                  + active.hash().substring(0, 12)
                  + ")");
    } catch (ChainIntegrityFault e) {
      // Start anyway, so that /audit/verify can report it; decisions under it are refused.
      LOG.severe("the active policy version cannot be used: " + e.getMessage());
    }
  }
}
