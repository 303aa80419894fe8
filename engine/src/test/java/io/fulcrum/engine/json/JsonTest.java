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
}
