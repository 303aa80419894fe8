package io.fulcrum.admin.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's notion of now, for everything the policy lifecycle times: event times and which
 * version is active at an instant. System UTC time plus an offset: {@code fulcrum.clock.offset}
 * (ISO-8601 duration such as {@code PT1H} or {@code -P1D}, default zero) sets it at start, and
 * {@link #advance} moves it while running, which only the test deployments' clock endpoint calls.
 * Monotone in the offset: it never goes back by itself.
 */
@ApplicationScoped
public class ServiceClock extends Clock {

  @Inject
  @ConfigProperty(name = "fulcrum.clock.offset", defaultValue = "PT0S")
  String configuredOffset;

  private volatile Duration offset = Duration.ZERO;

  @PostConstruct
  void start() {
    offset = Duration.parse(configuredOffset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), offset);
  }

  /** Now, truncated to microseconds (what both H2 and PostgreSQL store). */
  @Override
  public Instant instant() {
    return Instant.now().plus(offset).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** Moves the clock forward by {@code by} (not backwards: recorded times must not go back). */
  public synchronized Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward but by was " + by);
    }
    offset = offset.plus(by);
    return instant();
  }
}
