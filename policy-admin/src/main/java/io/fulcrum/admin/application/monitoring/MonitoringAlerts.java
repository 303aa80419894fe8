package io.fulcrum.admin.application.monitoring;

import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Alert;
import io.fulcrum.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers alerts: each pending alert is handled under its row's write lock by one member, which
 * POSTs it (JSON) to the webhook {@code fulcrum.monitoring.webhook} ({@code
 * FULCRUM_MONITORING_WEBHOOK}; none: alerts are only stored and audited) and, for a zone change to
 * a worse zone, makes the recalibration proposal. Marked done in the same transaction, so each
 * alert is delivered once (a failed POST is retried, at most {@value #MAX_ATTEMPTS} times).
 */
@ApplicationScoped
public class MonitoringAlerts {

  static final int MAX_ATTEMPTS = 10;
  private static final Logger LOG = Logger.getLogger(MonitoringAlerts.class.getName());

  @Inject MonitoringStore store;

  @Inject MonitoringService monitoring;

  @Inject Recalibration recalibration;

  @Inject ServiceClock clock;

  @Inject MonitoringAlerts self;

  @Inject
  @ConfigProperty(name = "fulcrum.monitoring.webhook")
  Optional<String> configuredWebhook;

  private volatile URI webhook;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The webhook in use: set by {@link #useWebhook}, else the configured one, else none. */
  public Optional<URI> webhook() {
    if (webhook != null) {
      return Optional.of(webhook);
    }
    return configuredWebhook.filter(s -> !s.isBlank()).map(s -> URI.create(s.trim()));
  }

  /** Changes the webhook while running (the test deployments' endpoint calls this). */
  public void useWebhook(URI uri) {
    this.webhook = uri;
  }

  public void dispatchPending() {
    for (String id : store.pendingAlerts(MAX_ATTEMPTS)) {
      try {
        self.dispatch(id);
      } catch (RuntimeException e) {
        LOG.warning("alert " + id + " not handled: " + e);
      }
    }
  }

  @Transactional
  public void dispatch(String id) {
    Optional<Alert> locked = store.lockPending(id, MAX_ATTEMPTS);
    if (locked.isEmpty()) {
      return;
    }
    Alert a = locked.get();
    if (a.deliveredAt() == null) {
      Optional<URI> target = webhook();
      String error = null;
      if (target.isPresent()) {
        error = post(target.get(), a);
      }
      store.delivered(
          a.id(), error == null ? clock.instant().toString() : null, a.attempts() + 1, error);
    }
    if ("ZONE_CHANGE".equals(a.kind()) && !a.proposalDone()) {
      String outcome;
      Optional<Monitored> m =
          monitoring.monitored(a.policyId()).filter(x -> x.version().equals(a.policyVersion()));
      if (m.isEmpty()) {
        outcome = "none: " + a.policyId() + "@" + a.policyVersion() + " is no longer monitored";
      } else {
        try {
          outcome = recalibration.propose(m.get(), a.detail()).summary();
        } catch (RuntimeException e) {
          outcome = "failed: " + e.getMessage();
          LOG.warning("recalibration proposal for " + a.id() + " failed: " + e);
        }
      }
      store.proposed(a.id(), outcome.length() > 200 ? outcome.substring(0, 200) : outcome);
    }
  }

  private String post(URI target, Alert a) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alert", a.id());
    body.put("kind", a.kind());
    body.put("policy", a.policyId() + "@" + a.policyVersion());
    body.put("day", a.day());
    body.put("fromZone", a.fromZone());
    body.put("toZone", a.toZone());
    body.put("detail", a.detail());
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(target)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.canonical(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() / 100 == 2 ? null : "webhook answered " + r.statusCode();
    } catch (java.io.IOException e) {
      return "webhook unreachable: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
