package io.fulcrum.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final LoginLimiter limiter =
      new LoginLimiter(new LoginLimiter.Limits(3, 5, Duration.ofMinutes(5), 1_000), nanos::get);

  @Test
  void aUserIsRefusedAfterItsLimit_untilTheWindowFromItsFirstFailureEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.refusal("alice", "10.0.0." + i)).isEmpty();
      limiter.failed("alice", "10.0.0." + i);
      advance(Duration.ofSeconds(10));
    }
    assertThat(limiter.refusal("alice", "10.0.0.9")).contains(Duration.ofSeconds(270));
    assertThat(limiter.refusal("bob", "10.0.0.9")).isEmpty();
    advance(Duration.ofSeconds(270));
    assertThat(limiter.refusal("alice", "10.0.0.9")).isEmpty();
  }

  @Test
  void anAddressIsRefusedAfterItsLimit_whateverUserNamesItTries() {
    for (int i = 0; i < 5; i++) {
      limiter.failed("user" + i, "203.0.113.7");
    }
    assertThat(limiter.refusal("someone-new", "203.0.113.7")).isPresent();
    assertThat(limiter.refusal("someone-new", "203.0.113.8")).isEmpty();
  }

  @Test
  void aSuccessForgivesTheUsersFailures_butNotTheAddresss() {
    limiter.failed("alice", "a");
    limiter.failed("alice", "a");
    limiter.succeeded("alice");
    limiter.failed("alice", "a");
    limiter.failed("alice", "a");
    assertThat(limiter.refusal("alice", "b")).isEmpty();
    limiter.failed("carol", "a");
    assertThat(limiter.refusal("dave", "a")).isPresent();
  }

  @Test
  void unknownAndKnownNamesAreCountedAlike() {
    for (int i = 0; i < 3; i++) {
      limiter.failed("no-such-user", "x" + i);
      limiter.failed("alice", "y" + i);
    }
    assertThat(limiter.refusal("no-such-user", "z")).isEqualTo(limiter.refusal("alice", "z"));
  }

  @Test
  void memoryIsBounded_byTheKeyLimit() {
    LoginLimiter small =
        new LoginLimiter(
            new LoginLimiter.Limits(1, 1_000_000, Duration.ofHours(1), 100), nanos::get);
    for (int i = 0; i < 10_000; i++) {
      small.failed("user" + i, "addr");
    }
    long refused = 0;
    for (int i = 0; i < 10_000; i++) {
      refused += small.refusal("user" + i, "other").isPresent() ? 1 : 0;
    }
    assertThat(refused).isLessThanOrEqualTo(100 + 50); // Caffeine evicts shortly after the bound
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new LoginLimiter.Limits(0, 1, Duration.ofMinutes(1), 10))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new LoginLimiter.Limits(1, 1, Duration.ZERO, 10))
        .hasMessageContaining("window must be positive");
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
