package io.fulcrum.backtest;

import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest result as a JSON document (summary, tests, procyclicality, breaches and the daily
 * series) and an HTML page with inline SVG charts, written to a directory. Both record the data
 * set's name, version and content hash.
 */
public final class BacktestReport {

  public static final String JSON_FILE = "backtest.json";
  public static final String HTML_FILE = "backtest.html";

  private BacktestReport() {}

  public static Map<String, Object> toMap(BacktestResult r, String policy) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("data", r.data());
    out.put("policy", policy);
    out.put("model", r.model());
    out.put("modelParameters", r.modelParameters());
    out.put("portfolio", r.portfolio());
    out.put("mporDays", r.mporDays());
    out.put("from", r.from());
    out.put("to", r.to());
    out.put("summary", summary(r));
    out.put("tests", r.tests());
    out.put("procyclicality", r.procyclicality());
    out.put("breaches", r.breaches());
    List<Map<String, Object>> days = new ArrayList<>();
    for (int i = 0; i < r.dates().size(); i++) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("date", r.dates().get(i));
      d.put("price", r.prices()[i]);
      d.put("value", r.values()[i]);
      d.put("margin", r.margins()[i]);
      d.put("loss", r.losses()[i]);
      d.put("breach", r.losses()[i] > r.margins()[i]);
      days.add(d);
    }
    out.put("days", days);
    return out;
  }

  /** The headline figures, also used by calibration candidates. */
  public static Map<String, Object> summary(BacktestResult r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("observations", r.dates().size());
    s.put("breaches", r.breaches().size());
    s.put("coverageRatio", r.coverageRatio());
    s.put("averageMargin", r.averageMargin());
    s.put("peakMargin", r.peakMargin());
    s.put("peakMarginDate", r.peakMarginDate());
    s.put("shortfall", r.shortfall());
    s.put("trafficLight", r.tests().trafficLight().zone());
    s.put("kupiecPValue", r.tests().kupiec().pValue());
    return s;
  }

  /** Writes backtest.json and backtest.html under {@code out}; returns the two paths. */
  public static List<Path> write(BacktestResult r, String policy, Path out) throws IOException {
    Files.createDirectories(out);
    Path json = out.resolve(JSON_FILE);
    Files.writeString(
        json, Json.report().writeValueAsString(toMap(r, policy)), StandardCharsets.UTF_8);
    Path html = out.resolve(HTML_FILE);
    Files.writeString(html, BacktestHtml.render(r, policy), StandardCharsets.UTF_8);
    return List.of(json, html);
  }
}
