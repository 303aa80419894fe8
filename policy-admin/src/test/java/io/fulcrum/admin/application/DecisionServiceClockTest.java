package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision's time is the one service-clock instant that picked its policy version. */
class DecisionServiceClockTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456Z");

  /** A service clock that moves one second on every read, so a second read would show. */
  private static final class TickingClock extends ServiceClock {
    private Instant next = T0;

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plus(Duration.ofSeconds(1));
      return now;
    }
  }

  @Test
  void theInstantThatPicksTheVersion_isTheDecisionsTime() throws IOException {
    CompiledPolicy policy =
        MarginEngine.over(PolicyLibrary.shipped()).policy(PolicyRef.parse("tiered-perps@3"));
    List<Instant> resolvedAt = new ArrayList<>();
    DecisionService service = new DecisionService();
    service.policies =
        new PolicyEngine() {
          @Override
          public CompiledPolicy resolve(String ref, Instant at) {
            resolvedAt.add(at);
            return policy;
          }
        };
    service.clock = new TickingClock();
    service.marketData = new MarketData();
    service.marketData.directory = java.util.Optional.empty();

    MarginRequest request = RequestReader.read(example());
    NewDecision first = service.evaluate(request, Json.canonical(request), "h", null, null);
    NewDecision second = service.evaluate(request, Json.canonical(request), "h", null, null);

    assertThat(resolvedAt).containsExactly(T0, T0.plusSeconds(1));
    assertThat(first.decidedAt()).isEqualTo(T0);
    assertThat(second.decidedAt()).isEqualTo(T0.plusSeconds(1));
  }

  private static String example() throws IOException {
    try (InputStream in =
        DecisionServiceClockTest.class.getResourceAsStream("/requests/btc-isolated-long.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
