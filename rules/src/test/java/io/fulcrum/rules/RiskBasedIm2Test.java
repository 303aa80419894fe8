package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * risk-based-im v2 is v1 plus bounds on what a calibration may change: the same rules and tables,
 * so the same figures; v1 stays as shipped.
 */
class RiskBasedIm2Test {

  @Test
  void v2_decidesTheSameFiguresAsV1() {
    for (String quantity : List.of("2", "-3", "40")) {
      MarginRequest request =
          RiskBasedImTest.request("1000000", quantity, RiskBasedImTest.inline(400));
      MarginDecision v1 = ShippedPolicies.decide("risk-based-im@1", request);
      MarginDecision v2 = ShippedPolicies.decide("risk-based-im@2", request);
      assertThat(v2.policy().version()).isEqualTo("2");
      assertThat(v2.status()).isEqualTo(v1.status());
      assertThat(v2.initialMargin()).isEqualTo(v1.initialMargin());
      assertThat(v2.maintenanceMargin()).isEqualTo(v1.maintenanceMargin());
      assertThat(v2.metrics()).isEqualTo(v1.metrics());
    }
  }

  @Test
  void v2_changesOnlyTheManifest() throws Exception {
    for (String f : List.of("concentration.dmn", "margin.drl")) {
      assertThat(Files.readString(Path.of("risk-based-im/2", f)))
          .isEqualTo(Files.readString(Path.of("risk-based-im/1", f)));
    }
    assertThat(
            ShippedPolicies.ENGINE
                .library()
                .load(PolicyRef.parse("risk-based-im@2"))
                .manifest()
                .bounds())
        .containsKeys("apcBufferRate", "measures.fhsEs.lambda");
  }
}
