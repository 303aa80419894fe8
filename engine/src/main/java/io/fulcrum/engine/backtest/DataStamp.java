package io.fulcrum.engine.backtest;

import io.fulcrum.engine.market.MarketDataSet;
import java.util.List;

/** Which market data a result was computed on: name, version, SHA-256 content hash and notes. */
public record DataStamp(String name, String version, String hash, List<String> notes) {

  public DataStamp {
    notes = List.copyOf(notes);
  }

  public static DataStamp of(MarketDataSet data, List<String> moreNotes) {
    List<String> all = new java.util.ArrayList<>(data.notes());
    all.addAll(moreNotes);
    return new DataStamp(data.name(), data.version(), data.hash(), all);
  }
}
