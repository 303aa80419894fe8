package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyTables.Column;
import io.fulcrum.admin.application.PolicyTables.ColumnKind;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PolicyTablesTest {

  private static Map<String, byte[]> shipped(String ref) {
    return PolicyLibrary.shipped().load(PolicyRef.parse(ref)).files();
  }

  @Test
  void tieredPerps2_readsTheBracketTable_withColumnsAndRowsAsAuthored() {
    PolicyTables t = PolicyTables.of("tiered-perps", "2", "h", shipped("tiered-perps@2"));

    assertThat(t.unreadable()).isEmpty();
    assertThat(t.tables()).hasSize(1);
    PolicyTables.Table table = t.tables().get(0);
    assertThat(table.file()).isEqualTo("brackets.dmn");
    assertThat(table.decision()).isEqualTo("Maintenance bracket");
    assertThat(table.hitPolicy()).isEqualTo("UNIQUE");
    assertThat(table.aggregation()).isNull();
    assertThat(table.outputLabel()).isEqualTo("BTC maintenance brackets");
    // rules/tiered-perps/2/brackets.dmn: two inputs, six outputs, one annotation column "note"
    assertThat(table.columns())
        .containsExactly(
            new Column(ColumnKind.INPUT, "symbol", "symbol", "string"),
            new Column(ColumnKind.INPUT, "notional (USDT)", "notional", "number"),
            new Column(ColumnKind.OUTPUT, "bracket", null, "number"),
            new Column(ColumnKind.OUTPUT, "maintenanceMarginRate", null, "number"),
            new Column(ColumnKind.OUTPUT, "maintenanceAmount", null, "number"),
            new Column(ColumnKind.OUTPUT, "maxLeverage", null, "number"),
            new Column(ColumnKind.OUTPUT, "notionalFloor", null, "number"),
            new Column(ColumnKind.OUTPUT, "notionalCap", null, "number"),
            new Column(ColumnKind.ANNOTATION, "note", null, null));
    assertThat(table.rows()).hasSize(10);
    assertThat(table.rows()).extracting(PolicyTables.Row::number).startsWith(1, 2, 3).endsWith(10);
    PolicyTables.Row row3 = table.rows().get(2);
    assertThat(row3.id()).isEqualTo("bracket_3");
    assertThat(row3.cells())
        .containsExactly(
            "\"BTCUSDT\"",
            "[250000..1000000)",
            "3",
            "0.0125",
            "1925",
            "50",
            "250000",
            "1000000",
            "v2: rate raised from 1.0% to 1.25%; cum of brackets 3 and above recomputed");
    assertThat(table.rows().get(0).cells())
        .containsExactly("\"BTCUSDT\"", "[0..50000)", "1", "0.004", "0", "125", "0", "50000", "");
  }

  @Test
  void aBrokenDmnFile_isNamedWithItsLine_andTheOtherFilesAreStillRead() {
    Map<String, byte[]> files = new TreeMap<>(shipped("tiered-perps@1"));
    files.put(
        "broken.dmn", "<definitions>\n<decision>\n</definitions>".getBytes(StandardCharsets.UTF_8));
    files.put("notes.drl", "not read".getBytes(StandardCharsets.UTF_8));

    PolicyTables t = PolicyTables.of("tiered-perps", "9", "h", files);

    assertThat(t.tables()).extracting(PolicyTables.Table::file).containsExactly("brackets.dmn");
    assertThat(t.tables().get(0).rows().get(2).cells().subList(3, 5))
        .isEqualTo(List.of("0.01", "1300"));
    assertThat(t.unreadable()).hasSize(1);
    assertThat(t.unreadable().get(0).file()).isEqualTo("broken.dmn");
    assertThat(t.unreadable().get(0).problem()).startsWith("broken.dmn:3: malformed XML");
  }
}
