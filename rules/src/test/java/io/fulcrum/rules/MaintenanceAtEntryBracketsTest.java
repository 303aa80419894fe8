package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bracket policy under maintenance-at-entry: tiered-perps@3's rules and tables, copied with
 * {@code liquidation: {convention: maintenance-at-entry}} added to the manifest. The maintenance
 * margin of the solve is that of the bracket of the entry value, found by evaluating the tables at
 * the entry price when the mark lies in another bracket.
 */
class MaintenanceAtEntryBracketsTest {

  @Test
  void theEntryValuesBracket_isUsed_whenTheMarkIsInAnother(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("tiered-perps").resolve("3");
    Files.createDirectories(copy);
    try (var files = Files.list(Path.of("tiered-perps", "3"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path manifest = copy.resolve("manifest.yaml");
    Files.writeString(
        manifest,
        Files.readString(manifest, StandardCharsets.UTF_8)
            + "liquidation:\n  convention: maintenance-at-entry\n",
        StandardCharsets.UTF_8);
    // Isolated long 5 BTC entered at 60,000 (entry value 300,000: bracket 3 of v3, MMR 1.25%, cum
    // 1,925), mark 48,000 (notional 240,000: bracket 2). MM at entry = 300,000 x 1.25% - 1,925 =
    // 1,825; LP = 60,000 - (20,000 - 1,825) / 5 = 56,365; BP = 60,000 - 20,000 / 5 = 56,000.
    MarginDecision d =
        MarginEngine.over(PolicyLibrary.at(tmp))
            .decide(
                PolicyRef.parse("tiered-perps@3"),
                new ShippedPolicies.Perps()
                    .wallet("1000")
                    .mark("48000")
                    .isolated("5", "60000", "20", "20000")
                    .request(),
                true);
    PositionFigures p = d.positions().get(0);
    assertThat(p.parameters().get("bracket").toString()).isEqualTo("2");
    assertThat(p.liquidationPrice()).isEqualByComparingTo("56365");
    assertThat(p.bankruptcyPrice()).isEqualByComparingTo("56000");
    assertThat(d.explanation().steps())
        .anySatisfy(
            s ->
                assertThat(s)
                    .isInstanceOfSatisfying(
                        TableHit.class,
                        t ->
                            assertThat(t.subject())
                                .isEqualTo("position BTCUSDT at entry price 60000")));
  }
}
