package io.fulcrum.admin.application.monitoring;

import io.fulcrum.admin.application.marketdata.MarketDataService.MarketDataChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the monitoring on the Jakarta EE managed scheduled executor: right after each stored market
 * data version (after its transaction commits) and every {@code fulcrum.monitoring.interval}
 * (default PT1M; catches up after a restart and on members that did not take the append). A sweep
 * computes each monitored policy's new days ({@link MonitoringService#compute}, one member per
 * policy through the database lock row) and then handles pending alerts ({@link MonitoringAlerts}).
 * Sweeps on one member never overlap; a trigger during a sweep runs one more.
 */
@ApplicationScoped
public class MonitoringJob {

  private static final Logger LOG = Logger.getLogger(MonitoringJob.class.getName());

  @Resource ManagedScheduledExecutorService executor;

  @Inject MonitoringService monitoring;

  @Inject MonitoringStore store;

  @Inject MonitoringAlerts alerts;

  @Inject
  @ConfigProperty(name = "fulcrum.monitoring.interval", defaultValue = "PT1M")
  String interval;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile ScheduledFuture<?> periodic;

  /** Starts the periodic sweep (called once the service has started). */
  public void start() {
    long seconds = Math.max(1, Duration.parse(interval).toSeconds());
    periodic = executor.scheduleWithFixedDelay(this::trigger, seconds, seconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }

  void onMarketData(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarketDataChanged changed) {
    trigger();
  }

  /** Asks for a sweep now (coalesced with one that is running). */
  public void trigger() {
    again.set(true);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::loop);
    }
  }

  private void loop() {
    try {
      while (again.getAndSet(false)) {
        sweep();
      }
    } finally {
      running.set(false);
      if (again.get()) {
        trigger();
      }
    }
  }

  /** One pass: every monitored policy's new days, then pending alerts. */
  public void sweep() {
    try {
      for (Monitored m : monitoring.monitored()) {
        try {
          store.ensureLockRow(m.policyId());
          monitoring.compute(m);
        } catch (RuntimeException e) {
          LOG.warning("monitoring " + m.ref() + " failed: " + e);
        }
      }
      alerts.dispatchPending();
    } catch (RuntimeException e) {
      LOG.warning("monitoring sweep failed: " + e);
    }
  }
}
