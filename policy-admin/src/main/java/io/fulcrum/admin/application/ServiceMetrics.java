package io.fulcrum.admin.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's MicroProfile Metrics (application scope, served by Payara at {@code /metrics}):
 * decision latency, audit append latency and group-commit group size, policy compile time, and
 * which version is active. An instance made without a registry (unit tests) records nothing.
 *
 * <p>Durations are histograms of whole microseconds with unit {@code none}, named {@code
 * ..._microseconds}, not MicroProfile timers: Payara Micro 6.2025.10's Prometheus output scales a
 * timer's mean, max and sum to seconds but writes its quantiles unscaled in nanoseconds (p50 of a
 * 0.7 s decision read 7.16E8 under the name {@code ..._seconds}), so every figure of one metric is
 * now in the same unit. {@code DecisionServiceContract} checks that a duration's quantiles never
 * exceed its max.
 */
@ApplicationScoped
public class ServiceMetrics {

  public static final String DECISION = "fulcrum.decision.duration.microseconds";
  public static final String AUDIT_APPEND = "fulcrum.audit.append.duration.microseconds";
  public static final String AUDIT_GROUP = "fulcrum.audit.group.size";
  public static final String COMPILE = "fulcrum.policy.compile.duration.microseconds";
  public static final String ACTIVE = "fulcrum.policy.active";

  @Inject MetricRegistry registry;

  private Histogram decisions;
  private Histogram appends;
  private Histogram groups;
  private Histogram compiles;
  private final Set<MetricID> versionGauges = new HashSet<>();

  @PostConstruct
  void register() {
    decisions =
        registry.histogram(
            metadata(
                DECISION,
                "time to read, evaluate (with explanation) and durably store one decision taken by"
                    + " POST /api/v1/decisions, or to answer its idempotent retry",
                MetricUnits.NONE));
    appends =
        registry.histogram(
            metadata(
                AUDIT_APPEND,
                "time of one group-commit transaction appending decisions and their audit"
                    + " records under the chain-head lock",
                MetricUnits.NONE));
    groups =
        registry.histogram(
            metadata(
                AUDIT_GROUP, "decisions stored by one group-commit transaction", MetricUnits.NONE));
    compiles =
        registry.histogram(
            metadata(
                COMPILE,
                "time to compile one stored policy version (on its first use after a start or a"
                    + " lifecycle change)",
                MetricUnits.NONE));
  }

  private static long micros(Duration elapsed) {
    return elapsed.toNanos() / 1_000;
  }

  private static Metadata metadata(String name, String description, String unit) {
    return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
  }

  /** A decision answered (stored, or an idempotent retry), {@code elapsed} after it was read. */
  public void decided(Duration elapsed) {
    if (decisions != null) {
      decisions.update(micros(elapsed));
    }
  }

  /** One group commit of {@code size} decisions that took {@code elapsed}. */
  public void appended(int size, Duration elapsed) {
    if (appends != null) {
      appends.update(micros(elapsed));
      groups.update(size);
    }
  }

  /** A policy version compiled in {@code elapsed}. */
  public void compiled(Duration elapsed) {
    if (compiles != null) {
      compiles.update(micros(elapsed));
    }
  }

  /**
   * One gauge {@value #ACTIVE} per decidable version (tags {@code policy}, {@code version}, {@code
   * bundleHash}): 1 while it is the active version, read at each scrape (a scheduled activation
   * shows at its instant), else 0; -1 while the active version cannot be determined.
   *
   * @param bundleHashes bundle hash of every decidable version, by reference {@code id@version}
   * @param activeNow the reference active now; throws when it cannot be determined
   */
  public synchronized void versions(Map<String, String> bundleHashes, Supplier<String> activeNow) {
    if (registry == null) {
      return;
    }
    versionGauges.forEach(registry::remove);
    versionGauges.clear();
    Metadata metadata =
        metadata(
            ACTIVE,
            "1 for the policy version active now, 0 for other approved versions, -1 while the"
                + " active version cannot be determined",
            MetricUnits.NONE);
    bundleHashes.forEach(
        (ref, hash) -> {
          int at = ref.indexOf('@');
          Tag[] tags = {
            new Tag("policy", ref.substring(0, at)),
            new Tag("version", ref.substring(at + 1)),
            new Tag("bundleHash", hash)
          };
          registry.gauge(metadata, () -> activeFlag(ref, activeNow), tags);
          versionGauges.add(new MetricID(ACTIVE, tags));
        });
  }

  private static int activeFlag(String ref, Supplier<String> activeNow) {
    try {
      return ref.equals(activeNow.get()) ? 1 : 0;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
