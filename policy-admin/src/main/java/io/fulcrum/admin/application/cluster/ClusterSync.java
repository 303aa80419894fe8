package io.fulcrum.admin.application.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.ServiceClock;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the policy state of the cluster's members equal (README, "Cluster"). Off unless {@code
 * fulcrum.cluster.enabled} is true ({@code ./fulcrum-cluster} sets it).
 *
 * <ul>
 *   <li>A lifecycle action on one member (upload, review, activation, rollback, shadow) is
 *       announced on the Hazelcast topic {@value #TOPIC} of Payara's data grid (JNDI {@code
 *       payara/Hazelcast}) with the revision (lifecycle event rows) and the active version and
 *       bundle hash; every other member reloads from the database ({@link PolicyEngine#refresh}).
 *   <li>Reconciliation: every {@code fulcrum.cluster.reconcile-interval} each member compares the
 *       database's revision with the one it loaded and reloads when they differ, so a missed
 *       message cannot leave it behind.
 *   <li>An immediate activation or rollback takes effect {@code fulcrum.cluster.activation-delay}
 *       after it is recorded, on every member at that instant; a member that has not checked its
 *       state against the database within {@code fulcrum.cluster.lease} of a decision's instant
 *       refuses the live decision (503) rather than risk deciding under a superseded version.
 * </ul>
 */
@ApplicationScoped
public class ClusterSync {

  private static final Logger LOG = Logger.getLogger(ClusterSync.class.getName());

  static final String TOPIC = "fulcrum.policy-state";

  @Inject PolicyEngine engine;

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.activation-delay", defaultValue = "PT3S")
  String activationDelay;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.lease", defaultValue = "PT2S")
  String lease;

  @Inject
  @ConfigProperty(name = "fulcrum.cluster.reconcile-interval", defaultValue = "PT0.5S")
  String reconcileInterval;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource ManagedExecutorService executor;

  private volatile HazelcastInstance grid;
  private volatile ITopic<String> topic;
  private volatile String listenerId;
  private ScheduledFuture<?> task;
  private final AtomicLong messagesSent = new AtomicLong();
  private final AtomicLong messagesReceived = new AtomicLong();
  private final AtomicLong reconciled = new AtomicLong();
  private volatile String lastProblem;

  /** After {@code Startup} loaded the policy state. */
  void onStart(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 700)
          @Initialized(ApplicationScoped.class)
          Object event) {
    if (!enabled) {
      return;
    }
    Duration delay = Duration.parse(activationDelay);
    Duration leaseFor = Duration.parse(lease);
    Duration every = Duration.parse(reconcileInterval);
    if (leaseFor.compareTo(delay) >= 0 || every.compareTo(leaseFor) >= 0) {
      throw new IllegalStateException(
          "cluster settings: need reconcile-interval "
              + every
              + " < lease "
              + leaseFor
              + " < activation-delay "
              + delay);
    }
    try {
      grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
      ITopic<String> t = grid.getTopic(TOPIC);
      String self = grid.getCluster().getLocalMember().getUuid().toString();
      listenerId =
          t.addMessageListener(
                  m -> {
                    if (!self.equals(m.getPublishingMember().getUuid().toString())) {
                      messagesReceived.incrementAndGet();
                      received(m.getMessageObject());
                    }
                  })
              .toString();
      topic = t;
    } catch (NamingException | RuntimeException e) {
      lastProblem = "no data grid: " + e;
      LOG.log(
          Level.SEVERE,
          "cluster: Payara's data grid is not available; members stay equal by reconciliation only",
          e);
    }
    engine.joinCluster(delay, leaseFor, this::announce);
    long ms = Math.max(50, every.toMillis());
    task = scheduler.scheduleWithFixedDelay(this::reconcile, ms, ms, TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "cluster: member "
                + memberName()
                + " of "
                + members()
                + "; immediate activations take effect after "
                + delay
                + ", reconciliation every "
                + every
                + ", lease "
                + leaseFor);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    ITopic<String> t = topic;
    if (t != null && listenerId != null) {
      try {
        t.removeMessageListener(UUID.fromString(listenerId));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "cluster: removing the topic listener", e);
      }
    }
  }

  /** Tells the other members that this one changed the policy state (revision {@code rev}). */
  private void announce(long rev) {
    ITopic<String> t = topic;
    if (t == null) {
      return;
    }
    String active;
    String hash;
    try {
      var c = engine.active().stamp();
      active = c.ref();
      hash = c.hash();
    } catch (RuntimeException e) {
      active = "-";
      hash = "-";
    }
    String message = rev + " " + active + " " + hash + " " + clock.instant();
    try {
      t.publishAsync(message);
      messagesSent.incrementAndGet();
    } catch (RuntimeException e) {
      lastProblem = "publish failed: " + e;
      LOG.log(Level.WARNING, "cluster: announcing revision " + rev + " failed", e);
    }
  }

  /** Another member's change: reload from the database on a managed thread (not Hazelcast's). */
  private void received(String message) {
    long rev;
    try {
      rev = Long.parseLong(message.substring(0, message.indexOf(' ')));
    } catch (RuntimeException e) {
      LOG.warning(() -> "cluster: ignored a malformed message: " + message);
      return;
    }
    if (rev <= engine.revision()) {
      return;
    }
    LOG.info(() -> "cluster: policy state changed on another member (" + message + "); reloading");
    executor.execute(this::catchUp);
  }

  private void catchUp() {
    try {
      Instant at = clock.instant();
      long stored = store.eventCount();
      if (stored != engine.revision()) {
        engine.refresh();
      }
      engine.synced(at);
    } catch (RuntimeException e) {
      lastProblem = "reload failed: " + e;
      LOG.log(Level.WARNING, "cluster: reloading the policy state failed", e);
    }
  }

  private void reconcile() {
    try {
      Instant at = clock.instant();
      long stored = store.eventCount();
      if (stored != engine.revision()) {
        reconciled.incrementAndGet();
        long had = engine.revision();
        LOG.info(
            () ->
                "cluster: reconciliation found the database at revision "
                    + stored
                    + ", this member at "
                    + had
                    + "; reloading");
        engine.refresh();
      }
      engine.synced(at);
    } catch (RuntimeException e) {
      lastProblem = "reconciliation failed: " + e;
      LOG.log(Level.WARNING, "cluster: reconciliation failed; retried", e);
    }
  }

  /** Payara's data grid, when this service is a cluster member and joined it. */
  public java.util.Optional<HazelcastInstance> grid() {
    return java.util.Optional.ofNullable(grid);
  }

  /** What this member knows of the cluster (GET /cluster). */
  public Status status() {
    HazelcastInstance g = grid;
    String active;
    try {
      active = engine.activeRef();
    } catch (RuntimeException e) {
      active = null;
    }
    return new Status(
        enabled,
        memberName(),
        members(),
        engine.revision(),
        engine.loadedAt(),
        active,
        engine.syncedAt().equals(Instant.MIN) ? null : engine.syncedAt(),
        messagesSent.get(),
        messagesReceived.get(),
        reconciled.get(),
        g == null ? null : g.getConfig().getClusterName(),
        lastProblem);
  }

  private String memberName() {
    HazelcastInstance g = grid;
    if (g == null) {
      return null;
    }
    Member m = g.getCluster().getLocalMember();
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  private List<String> members() {
    HazelcastInstance g = grid;
    if (g == null) {
      return List.of();
    }
    return g.getCluster().getMembers().stream()
        .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort())
        .sorted()
        .toList();
  }

  /**
   * @param enabled whether this service runs as a cluster member
   * @param member this member's data grid address
   * @param members the data grid's members as this one sees them
   * @param revision the policy-state revision loaded (lifecycle event rows)
   * @param loadedAt when that revision was published here (served from then on)
   * @param active the version active now here
   * @param syncedAt when this member last confirmed its state against the database
   */
  public record Status(
      boolean enabled,
      String member,
      List<String> members,
      long revision,
      Instant loadedAt,
      String active,
      Instant syncedAt,
      long messagesSent,
      long messagesReceived,
      long reconciliations,
      String clusterName,
      String lastProblem) {}
}
