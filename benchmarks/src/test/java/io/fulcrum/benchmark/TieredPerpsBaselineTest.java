package io.fulcrum.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine running tiered-perps@1 and the hand-written baseline agree, figure by figure, on a
 * thousand random accounts: two independent implementations of the same published method.
 */
class TieredPerpsBaselineTest {

  @Test
  void engineAndHandWrittenBaseline_agreeOnRandomAccounts() {
    CompiledPolicy policy =
        MarginEngine.over(PolicyLibrary.at(Path.of("../rules")))
            .policy(PolicyRef.parse("tiered-perps@1"));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      BigDecimal[] in = DecisionBenchmark.randomAccount(random);
      MarginDecision d = MarginEngine.decide(policy, DecisionBenchmark.request("a" + i, in), false);
      TieredPerpsBaseline.Result b = TieredPerpsBaseline.decide(in[0], in[1], in[2], in[3], in[4]);
      String where = "account " + i + " " + java.util.Arrays.toString(in);
      assertThat(d.initialMargin()).as(where).isEqualByComparingTo(b.initialMargin());
      assertThat(d.maintenanceMargin()).as(where).isEqualByComparingTo(b.maintenanceMargin());
      assertThat(d.marginBalance()).as(where).isEqualByComparingTo(b.marginBalance());
      assertThat(d.status()).as(where).isEqualTo(b.status());
      if (b.liquidationPrice() == null) {
        assertThat(d.positions().get(0).liquidationPrice()).as(where).isNull();
      } else {
        assertThat(d.positions().get(0).liquidationPrice())
            .as(where)
            .isEqualByComparingTo(b.liquidationPrice());
      }
    }
  }
}
