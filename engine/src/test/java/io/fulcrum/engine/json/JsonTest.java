package io.fulcrum.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.domain.MarginRequest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static final String REQUEST =
      """
      {"account": {"id": "a", "positions": [{"instrument": "X", "quantity": 0.1, "entryPrice": "100"}]},
       "market": {"asOf": "2026-01-01T00:00:00Z", "valuationCurrency": "USDT",
                  "instruments": [{"kind": "PERPETUAL", "symbol": "X", "underlying": "X", "settlementAsset": "USDT"}],
                  "prices": {"X": {"mark": 1e2}}}}
      """;

  @Test
  void decimalsAreReadExactlyAndWrittenAsPlainStrings() {
    MarginRequest r = RequestReader.read(REQUEST);
    assertThat(r.account().positions().get(0).quantity()).isEqualTo(new BigDecimal("0.1"));
    assertThat(Json.canonical(new BigDecimal("1E-8"))).isEqualTo("\"0.00000001\"");
    assertThat(Json.canonical(r.market().prices().get("X").mark())).isEqualTo("\"100\"");
  }

  @Test
  void aRequestRoundTripsToTheSameCanonicalJson() {
    MarginRequest r = RequestReader.read(REQUEST);
    String once = Json.canonical(r);
    assertThat(Json.canonical(RequestReader.read(once))).isEqualTo(once);
  }

  @Test
  void mapsAreWrittenSortedByKey() {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", 2);
    assertThat(Json.canonical(m))
        .isEqualTo(Json.canonical(new TreeMap<>(m)))
        .isEqualTo("{\"a\":2,\"b\":1}");
  }

  @Test
  void reportMapper_isIndentedSortedWithNumbersAsNumbersAndIsoDates() throws Exception {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("b", new BigDecimal("0.10"));
    m.put("a", java.time.LocalDate.of(2021, 11, 22));
    assertThat(Json.report().writeValueAsString(m))
        .isEqualTo("{" + NL + "  \"a\" : \"2021-11-22\"," + NL + "  \"b\" : 0.10" + NL + "}");
    // The canonical mapper writes the same decimal as a plain string, compactly.
    assertThat(Json.canonical(m)).isEqualTo("{\"a\":\"2021-11-22\",\"b\":\"0.10\"}");
  }

  @Test
  void yamlMapper_readsDecimalsExactlyAndRefusesDuplicateKeys() throws Exception {
    // 23 significant digits: more than a double holds.
    assertThat(Json.yaml().readTree("x: 0.12345678901234567890123\n").get("x").decimalValue())
        .isEqualTo("0.12345678901234567890123");
    // Bound to a BigDecimal the written scale stays (a tree drops trailing zeros).
    assertThat(Json.yaml().readValue("x: 0.10\n", Map.class).get("x"))
        .isEqualTo(new BigDecimal("0.10"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Json.yaml().readTree("x: 1\ny: 2\nx: 3\n"))
        .hasMessageContaining("Duplicate field 'x'");
  }

  @Test
  void manifestYaml_writesNoMarkerAndQuotesOnlyTextThatReadsAsANumber() throws Exception {
    var tree = Json.manifestYaml().createObjectNode();
    tree.put("version", "2");
    tree.put("title", "Tiered perps");
    tree.put("rate", new BigDecimal("0.25"));
    assertThat(Json.manifestYaml().writeValueAsString(tree))
        .isEqualTo("version: \"2\"\ntitle: Tiered perps\nrate: 0.25\n");
  }

  /** Jackson's default pretty printer ends lines with the platform's separator. */
  private static final String NL = System.lineSeparator();
}
