package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactCells;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A book computed in account ranges (as cluster members compute it) and assembled gives the
 * single-run result byte for byte; cells travel as JSON without losing a decimal's scale.
 */
class ImpactRangesTest {

  private static final Suite BOOK =
      new SuiteLoader(StressLibrary.at(TestPolicies.STRESS).resolver())
          .load(Path.of("books", "perps-book.yaml").toAbsolutePath())
          .withGenerated(1500);
  private static final CompiledPolicy V1 = TestPolicies.compiled("tiered-perps@1");
  private static final CompiledPolicy V2 = TestPolicies.compiled("tiered-perps@2");

  /** The report without its timings (the only part that depends on when it ran). */
  private static String report(ImpactResult r) {
    String json = ImpactReports.json(r, 100);
    return json.substring(0, json.indexOf("\"timingsSeconds\""));
  }

  @Test
  void assembleOfRanges_equalsTheSingleRun_forSeveralUnevenSplits() {
    ImpactRunner runner = new ImpactRunner(2, 100);
    ImpactResult whole = runner.run(BOOK, V1, V2, Progress.silent());
    String expected = report(whole);
    assertThat(whole.changes()).hasSizeGreaterThan(100); // more than the listed, explained cells
    int n = BOOK.book().size();
    // k = 1, 2, 3 even-ish, 4 uneven (one of a single account, one across a 1024-account block
    // boundary), 7 with an empty range
    List<int[]> splits =
        List.of(
            new int[] {0, n},
            new int[] {0, 750, n},
            new int[] {0, 500, 1000, n},
            new int[] {0, 1, 1023, 1030, n},
            new int[] {0, 3, 3, 400, 999, 1024, 1499, n});
    for (int[] bounds : splits) {
      List<CellImpact> cells = new ArrayList<>();
      for (int i = 0; i + 1 < bounds.length; i++) {
        List<CellImpact> range =
            runner.cells(BOOK, V1, V2, bounds[i], bounds[i + 1], Progress.silent());
        // through JSON, as a member sends them
        cells.addAll(ImpactCells.fromJson(ImpactCells.toJson(range)));
      }
      ImpactResult merged = runner.assemble(BOOK, V1, V2, cells, 0);
      assertThat(report(merged))
          .as("ranges %s", java.util.Arrays.toString(bounds))
          .isEqualTo(expected);
    }
  }

  @Test
  void assemble_refusesCellsOutOfOrderOrMissing() {
    ImpactRunner runner = new ImpactRunner(2, 10);
    int n = BOOK.book().size();
    List<CellImpact> a = runner.cells(BOOK, V1, V2, 0, 10, Progress.silent());
    List<CellImpact> b = runner.cells(BOOK, V1, V2, 10, n, Progress.silent());
    List<CellImpact> swapped = new ArrayList<>(b);
    swapped.addAll(a);
    assertThatThrownBy(() -> runner.assemble(BOOK, V1, V2, swapped, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cells[0] must be account 0 in state 0 but was account 10 in state 0");
    assertThatThrownBy(() -> runner.assemble(BOOK, V1, V2, b, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cells: " + b.size() + " given, but the book has 1500 accounts");
    assertThatThrownBy(() -> runner.cells(BOOK, V1, V2, 5, n + 1, Progress.silent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account range [5, 1501) must lie within the book's 1500 accounts");
  }

  @Test
  void cellsJson_keepsEveryValueAndTheScaleOfDecimals() {
    ObjectNode position = JsonNodeFactory.withExactBigDecimals(true).objectNode();
    position.put("instrument", "BTCUSDT");
    position.put("size", new BigDecimal("1.50"));
    position.put("notional", "75000.00");
    Map<String, Object> outputs = new TreeMap<>();
    outputs.put("maintenanceMarginRate", new BigDecimal("0.0050"));
    outputs.put("bracket", "3");
    CellImpact changed =
        new CellImpact(
            7,
            2,
            "acct-7",
            DecisionStatus.OK,
            DecisionStatus.MARGIN_CALL,
            new BigDecimal("1200.00"),
            new BigDecimal("1.2E+3"),
            new BigDecimal("0"),
            new BigDecimal("-0.000"),
            List.of(
                new Difference(
                    "maintenanceMargin",
                    Difference.Kind.CHANGED,
                    new BigDecimal("1340.0"),
                    new BigDecimal("1375.00"),
                    new BigDecimal("35.00")),
                new Difference("status", Difference.Kind.CHANGED, "OK", "MARGIN_CALL", null),
                new Difference(
                    "flags", Difference.Kind.CHANGED, List.of(), List.of("nearLiq (r1)"), null),
                new Difference("positions[BTCUSDT]", Difference.Kind.ADDED, null, position, null),
                new Difference("reduceOnly", Difference.Kind.CHANGED, false, true, null),
                new Difference(
                    "explanation[t]",
                    Difference.Kind.CHANGED,
                    new Difference.TableOutcome(List.of(2), outputs),
                    new Difference.TableOutcome(List.of(2, 3), Map.of("n", 3, "m", 4L)),
                    null)),
            null,
            false);
    CellImpact failed =
        new CellImpact(
            8, 0, "acct-8", null, null, null, null, null, null, List.of(), "candidate: gap", true);

    List<CellImpact> back = ImpactCells.fromJson(ImpactCells.toJson(List.of(changed, failed)));

    assertThat(back).containsExactly(changed, failed);
    // equals() of BigDecimal compares the scale too; say it explicitly for the figures
    assertThat(back.get(0).baselineInitial().scale()).isEqualTo(2);
    assertThat(back.get(0).candidateInitial()).hasToString("1.2E+3");
    assertThat(back.get(0).candidateMaintenance()).hasToString("0.000");
    Difference pos = back.get(0).differences().get(3);
    assertThat(pos.after().toString()).isEqualTo(position.toString()).contains("1.50");
  }

  @Test
  void cellsJson_refusesAValueItCannotCarry() {
    CellImpact odd =
        new CellImpact(
            0,
            0,
            "a",
            DecisionStatus.OK,
            DecisionStatus.OK,
            BigDecimal.ONE,
            BigDecimal.ONE,
            BigDecimal.ONE,
            BigDecimal.ONE,
            List.of(
                new Difference("x", Difference.Kind.CHANGED, new StringBuilder("?"), "y", null)),
            null,
            false);
    assertThatThrownBy(() -> ImpactCells.toJson(List.of(odd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.StringBuilder has no lossless JSON form");
  }
}
