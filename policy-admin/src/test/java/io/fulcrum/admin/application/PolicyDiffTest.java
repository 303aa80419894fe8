package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyDiff.Change;
import io.fulcrum.admin.application.PolicyDiff.RowChange;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.dmn.DecisionTable;
import io.fulcrum.engine.dmn.DecisionTables;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.engine.explain.TableHit.TableRow;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {

  private static Map<String, byte[]> shipped(String ref) {
    return PolicyLibrary.shipped().load(PolicyRef.parse(ref)).files();
  }

  private static PolicyDiff diff1To2() {
    return PolicyDiff.between(
        "tiered-perps@1", shipped("tiered-perps@1"), "tiered-perps@2", shipped("tiered-perps@2"));
  }

  @Test
  void tieredPerps1To2_changesBracket3RateAndTheMaintenanceAmountsOfBrackets3To10() {
    PolicyDiff diff = diff1To2();

    assertThat(diff.files())
        .filteredOn(f -> f.path().equals("brackets.dmn"))
        .singleElement()
        .extracting(PolicyDiff.FileChange::change)
        .isEqualTo(Change.CHANGED);
    assertThat(diff.tables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.table()).isEqualTo("Maintenance bracket");
              assertThat(t.rows())
                  .extracting(RowChange::row)
                  .containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
              assertThat(t.rows().get(0).cells())
                  .contains(
                      new PolicyDiff.CellChange("maintenanceMarginRate", "0.01", "0.0125"),
                      new PolicyDiff.CellChange("maintenanceAmount", "1300", "1925"));
              assertThat(t.rows().get(1).cells())
                  .containsExactly(
                      new PolicyDiff.CellChange("maintenanceAmount", "16300", "14425"));
            });
  }

  /** The diff and an explanation read rows through the same reader, so they name the same row. */
  @Test
  void theRowTheDiffNames_isTheRowAnExplanationSelects() throws Exception {
    // 4.4 BTC at 60,000 = 264,000 USDT notional: bracket 3 of [250,000..1,000,000)
    MarginRequest request =
        RequestReader.read(Files.readString(Path.of("../examples/btc-isolated-long.json")));
    MarginDecision decision =
        MarginEngine.over(PolicyLibrary.shipped())
            .decide(PolicyRef.parse("tiered-perps@2"), request, true);
    TableHit hit =
        decision.explanation().steps().stream()
            .filter(TableHit.class::isInstance)
            .map(TableHit.class::cast)
            .filter(t -> t.subject().equals("position BTCUSDT"))
            .findFirst()
            .orElseThrow();
    PolicyDiff diff = diff1To2();
    RowChange first = diff.tables().get(0).rows().get(0);
    List<String> outputs =
        DecisionTables.read("brackets.dmn", shipped("tiered-perps@2").get("brackets.dmn"))
            .get(0)
            .outputs()
            .stream()
            .map(DecisionTable.OutputColumn::columnName)
            .toList();

    assertThat(hit.selectedRows()).containsExactly(3);
    assertThat(first.row()).isEqualTo(3);
    assertThat(hit.rows()).singleElement().extracting(TableRow::row).isEqualTo(3);
    // two outputs and the row's note changed; the explanation quotes the same new cells
    assertThat(first.cells())
        .extracting(PolicyDiff.CellChange::column)
        .containsExactly("maintenanceMarginRate", "maintenanceAmount", "note");
    TableRow quoted = hit.rows().get(0);
    for (PolicyDiff.CellChange cell : first.cells().subList(0, 2)) {
      assertThat(quoted.outputEntries().get(outputs.indexOf(cell.column())))
          .as(cell.column())
          .isEqualTo(cell.to());
    }
    assertThat(quoted.annotation()).isEqualTo(first.cells().get(2).to());
  }

  @Test
  void sameVersion_hasNoChanges() {
    PolicyDiff diff =
        PolicyDiff.between("a", shipped("tiered-perps@2"), "b", shipped("tiered-perps@2"));
    assertThat(diff.files())
        .extracting(PolicyDiff.FileChange::change)
        .containsOnly(Change.UNCHANGED);
    assertThat(diff.tables()).isEmpty();
  }

  @Test
  void spreadsheetTables_areComparedRowByRow_andFilesAddedOrRemovedAreNamed() {
    Map<String, byte[]> a =
        new TreeMap<>(Map.of("close.drl.csv", bytes("h1,h2\nx,0.5\ny,1\n"), "old.drl", bytes("x")));
    Map<String, byte[]> b =
        new TreeMap<>(
            Map.of("close.drl.csv", bytes("h1,h2\nx,0.6\ny,1\nz,2\n"), "new.drl", bytes("y")));
    PolicyDiff diff = PolicyDiff.between("a", a, "b", b);

    assertThat(diff.files())
        .extracting(f -> f.path() + " " + f.change())
        .containsExactly("close.drl.csv CHANGED", "new.drl ADDED", "old.drl REMOVED");
    assertThat(diff.tables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.rows())
                  .extracting(r -> r.row() + " " + r.change())
                  .containsExactly("2 CHANGED", "4 ADDED");
              assertThat(t.rows().get(0).cells())
                  .containsExactly(new PolicyDiff.CellChange("column 2", "0.5", "0.6"));
            });
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
