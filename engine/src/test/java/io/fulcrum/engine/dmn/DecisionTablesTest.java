package io.fulcrum.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/** Every expected value below was read by hand from the XML of the file named. */
class DecisionTablesTest {

  private static final Path RULES = Path.of("../rules");

  private static List<DecisionTable> shipped(String file) throws Exception {
    return DecisionTables.read(file, Files.readAllBytes(RULES.resolve(file)));
  }

  @Test
  void tieredPerps2Brackets_columnsRowsAndAnnotations() throws Exception {
    List<DecisionTable> tables = shipped("tiered-perps/2/brackets.dmn");

    assertThat(tables).hasSize(1);
    DecisionTable t = tables.get(0);
    assertThat(t.decision()).isEqualTo("Maintenance bracket");
    assertThat(t.id()).isEqualTo("btc_maintenance_brackets");
    assertThat(t.outputLabel()).isEqualTo("BTC maintenance brackets");
    assertThat(t.hitPolicy()).isEqualTo("UNIQUE");
    assertThat(t.aggregation()).isNull();
    assertThat(t.inputs())
        .containsExactly(
            new DecisionTable.InputColumn("symbol", "symbol", "string"),
            new DecisionTable.InputColumn("notional (USDT)", "notional", "number"));
    assertThat(t.outputs())
        .extracting(DecisionTable.OutputColumn::name)
        .containsExactly(
            "bracket",
            "maintenanceMarginRate",
            "maintenanceAmount",
            "maxLeverage",
            "notionalFloor",
            "notionalCap");
    assertThat(t.outputs()).extracting(DecisionTable.OutputColumn::type).containsOnly("number");
    assertThat(t.annotations()).containsExactly("note");
    assertThat(t.columns())
        .containsExactly(
            "symbol",
            "notional (USDT)",
            "bracket",
            "maintenanceMarginRate",
            "maintenanceAmount",
            "maxLeverage",
            "notionalFloor",
            "notionalCap",
            "note");

    assertThat(t.rows()).hasSize(10);
    assertThat(t.rows())
        .extracting(DecisionTable.Row::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    DecisionTable.Row third = t.row(3);
    assertThat(third.id()).isEqualTo("bracket_3");
    assertThat(third.inputEntries()).containsExactly("\"BTCUSDT\"", "[250000..1000000)");
    assertThat(third.outputEntries())
        .containsExactly("3", "0.0125", "1925", "50", "250000", "1000000");
    assertThat(third.annotations())
        .containsExactly(
            "v2: rate raised from 1.0% to 1.25%; cum of brackets 3 and above recomputed");
    assertThat(t.row(1).annotations()).containsExactly("");
    assertThat(t.row(10).id()).isEqualTo("bracket_10");
    assertThat(t.row(10).inputEntries()).containsExactly("\"BTCUSDT\"", "[300000000..500000000)");
    assertThat(t.row(10).outputEntries())
        .containsExactly("10", "0.5", "100014425", "1", "300000000", "500000000");
    assertThat(t.cell(2, "maxLeverage")).isEqualTo("100");
    assertThat(t.cell(3, "note")).startsWith("v2: rate raised");
    assertThatThrownBy(() -> t.cell(1, "maxleverage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'maxleverage'");
    assertThatThrownBy(() -> t.row(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows 1..10, not 11");
  }

  @Test
  void riskBasedIm2Concentration_twoFirstHitTables_inDocumentOrder_entitiesDecoded()
      throws Exception {
    List<DecisionTable> tables = shipped("risk-based-im/2/concentration.dmn");

    assertThat(tables)
        .extracting(DecisionTable::decision)
        .containsExactly("Market depth", "Concentration add-on");
    DecisionTable depth = tables.get(0);
    assertThat(depth.hitPolicy()).isEqualTo("FIRST");
    assertThat(depth.rows()).hasSize(3);
    assertThat(depth.row(3).inputEntries()).containsExactly("-");
    assertThat(depth.row(3).outputEntries()).containsExactly("5000000");
    assertThat(depth.row(3).annotations()).containsExactly("any other underlying: 5M USDT");

    DecisionTable addOn = tables.get(1);
    assertThat(addOn.id()).isEqualTo("concentration_table");
    assertThat(addOn.inputs())
        .containsExactly(
            new DecisionTable.InputColumn(
                "exposure / market depth",
                "if exposure = null then 0 else abs(exposure) / Market depth",
                "number"));
    assertThat(addOn.rows())
        .extracting(r -> r.inputEntries().get(0))
        .containsExactly("<= 0.05", "(0.05..0.10]", "(0.10..0.25]", "> 0.25");
    assertThat(addOn.row(4).id()).isEqualTo("addon_high");
    assertThat(addOn.row(4).outputEntries())
        .containsExactly("0.06", "Market depth", "abs(exposure) / Market depth");
    assertThat(addOn.row(4).annotations()).containsExactly("over 25% of depth");
  }

  @Test
  void compiledModel_readsTheSameTablesAsTheBytes() throws Exception {
    String file = "risk-based-im/2/concentration.dmn";
    byte[] content = Files.readAllBytes(RULES.resolve(file));
    var resource = ResourceFactory.newByteArrayResource(content);
    resource.setSourcePath(file);
    DMNRuntime runtime =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(List.of(resource))
            .getOrElseThrow(RuntimeException::new);
    DMNModel model = runtime.getModels().get(0);

    assertThat(DecisionTables.of(model)).isEqualTo(DecisionTables.read(file, content));
  }

  @Test
  void collectSum_unnamedColumns_descriptionsAndMissingAnnotations() {
    String xml =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d"
                     namespace="https://example.org/d">
          <decision id="fee" name="Fee">
            <decisionTable id="fee_table" hitPolicy="COLLECT" aggregation="SUM">
              <input id="i1"><inputExpression typeRef="number"><text> amount </text></inputExpression></input>
              <output id="o1" label="fee"/>
              <rule id="r1">
                <description>base fee</description>
                <inputEntry><text>-</text></inputEntry>
                <outputEntry><text>1</text></outputEntry>
              </rule>
              <rule>
                <inputEntry><text>&gt; 100</text></inputEntry>
                <outputEntry><text>amount * 0.01</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
          <decision id="literal" name="Not a table">
            <literalExpression><text>1</text></literalExpression>
          </decision>
        </definitions>
        """;
    List<DecisionTable> tables =
        DecisionTables.read("fee.dmn", xml.getBytes(StandardCharsets.UTF_8));

    assertThat(tables).singleElement().extracting(DecisionTable::decision).isEqualTo("Fee");
    DecisionTable t = tables.get(0);
    assertThat(t.hitPolicy()).isEqualTo("COLLECT");
    assertThat(t.aggregation()).isEqualTo("SUM");
    assertThat(t.outputLabel()).isNull();
    assertThat(t.columns()).containsExactly("amount", "fee");
    assertThat(t.outputs()).containsExactly(new DecisionTable.OutputColumn(null, "fee", null));
    assertThat(t.annotations()).isEmpty();
    assertThat(t.row(1).description()).isEqualTo("base fee");
    assertThat(t.row(1).annotations()).isEmpty();
    assertThat(t.row(2).id()).isNull();
    assertThat(t.row(2).cells()).containsExactly("> 100", "amount * 0.01");
  }

  @Test
  void malformedXml_namesFileAndLine_andDoctypeIsRefused() {
    byte[] broken =
        "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\">\n<decision>\n</definitions>"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DecisionTables.read("broken.dmn", broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("broken.dmn:3: malformed XML");

    byte[] doctype =
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\">&x;</definitions>")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DecisionTables.read("evil.dmn", doctype))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evil.dmn")
        .hasMessageContaining("DOCTYPE");
  }
}
