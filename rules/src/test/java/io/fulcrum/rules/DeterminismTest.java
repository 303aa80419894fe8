package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Same request + same policy version = byte-identical decision JSON, text and hash. */
class DeterminismTest {

  private static final Path REQUEST = Path.of("src/test/resources/requests/btc-isolated-long.json");

  @Test
  void sameRequestAndVersion_giveByteIdenticalDecisions_evenAcrossFreshEngines() throws Exception {
    String json = Files.readString(REQUEST);
    MarginDecision first =
        ShippedPolicies.ENGINE.decide(
            PolicyRef.parse("tiered-perps@1"), RequestReader.read(json), true);
    MarginDecision again =
        ShippedPolicies.ENGINE.decide(
            PolicyRef.parse("tiered-perps@1"), RequestReader.read(json), true);
    MarginEngine fresh = MarginEngine.over(PolicyLibrary.at(Path.of(".").toAbsolutePath()));
    MarginDecision recompiled =
        fresh.decide(PolicyRef.parse("tiered-perps@1"), RequestReader.read(json), true);

    assertThat(Json.canonical(again)).isEqualTo(Json.canonical(first));
    assertThat(Json.canonical(recompiled)).isEqualTo(Json.canonical(first));
    assertThat(ExplanationText.render(recompiled)).isEqualTo(ExplanationText.render(first));
    assertThat(first.decisionHash()).hasSize(64).isEqualTo(recompiled.decisionHash());
  }

  @Test
  void decisionHash_isSha256OfTheCanonicalJsonWithoutTheHash() throws Exception {
    MarginDecision d =
        ShippedPolicies.ENGINE.decide(
            PolicyRef.parse("tiered-perps@1"), RequestReader.read(Files.readString(REQUEST)), true);
    byte[] json =
        Json.canonical(d.withHash(null)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String expected =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(json));
    assertThat(d.decisionHash()).isEqualTo(expected);
  }

  @Test
  void decisionHash_changesWithThePolicyVersion() throws Exception {
    var request = RequestReader.read(Files.readString(REQUEST));
    MarginDecision v1 =
        ShippedPolicies.ENGINE.decide(PolicyRef.parse("tiered-perps@1"), request, true);
    MarginDecision v2 =
        ShippedPolicies.ENGINE.decide(PolicyRef.parse("tiered-perps@2"), request, true);
    assertThat(v1.policy().hash()).isNotEqualTo(v2.policy().hash());
    assertThat(v1.decisionHash()).isNotEqualTo(v2.decisionHash());
  }

  @Test
  void explanationCaptureOff_givesTheSameFigures() throws Exception {
    var request = RequestReader.read(Files.readString(REQUEST));
    MarginDecision on =
        ShippedPolicies.ENGINE.decide(PolicyRef.parse("tiered-perps@1"), request, true);
    MarginDecision off =
        ShippedPolicies.ENGINE.decide(PolicyRef.parse("tiered-perps@1"), request, false);
    assertThat(off.explanation().captured()).isFalse();
    assertThat(off.explanation().steps()).isEmpty();
    assertThat(off.positions()).isEqualTo(on.positions());
    assertThat(off.status()).isEqualTo(on.status());
    assertThat(off.maintenanceMargin()).isEqualTo(on.maintenanceMargin());
  }

  @Test
  void latestVersion_isTheHighest() {
    assertThat(ShippedPolicies.ENGINE.library().latestVersion("tiered-perps")).isEqualTo("4");
    assertThat(ShippedPolicies.ENGINE.policy(PolicyRef.parse("tiered-perps")).stamp().version())
        .isEqualTo("4");
  }
}
