package io.fulcrum.cli;

import io.fulcrum.engine.market.DirectoryMarketDataSets;
import io.fulcrum.engine.market.MarketDataLocation;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MissingDataPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data SET|FILE.csv [--data-dir DIR] [--missing skip-day|carry-forward|refuse]}: a market
 * data set by name from the data directory, joined with {@code +}, optionally pinned {@code
 * @version}; or a user's CSV file.
 *
 * <p>The data directory is the one every command uses for named data sets ({@link
 * #configuredSets()}): {@code -Dfulcrum.market-data} or {@code $FULCRUM_MARKET_DATA} ({@link
 * MarketDataLocation}), else $FULCRUM_HOME/test-scenarios/data, else ./test-scenarios/data.
 */
public final class MarketDataOption {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "SET|FILE.csv",
      description =
          "Market data set (e.g. btc-usd-daily, btc-usd-daily+eth-usd-daily, name@version) or a CSV file.")
  private String data;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory of price CSVs. Default: $FULCRUM_MARKET_DATA, else"
              + " $FULCRUM_HOME/test-scenarios/data or ./test-scenarios/data.")
  private Path dataDir;

  @Option(
      names = "--missing",
      paramLabel = "POLICY",
      defaultValue = "skip-day",
      description =
          "Rows without a price and missing days: skip-day (default), carry-forward or refuse.")
  private String missing;

  public MarketDataSet load() {
    MissingDataPolicy policy = MissingDataPolicy.parse(missing);
    if (data.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return DirectoryMarketDataSets.file(Path.of(data), policy);
    }
    return DirectoryMarketDataSets.at(directory(), policy).get(data);
  }

  private Path directory() {
    return dataDir != null ? dataDir : configuredDirectory();
  }

  /**
   * The named market data sets that {@code decide}, {@code regress}, {@code impact} and {@code
   * stress} resolve {@code market.history.dataSet} with: those of the configured directory, or none
   * (every reference refused, saying so) when it does not exist.
   */
  static MarketDataSets configuredSets() {
    Path dir = configuredDirectory();
    return Files.isDirectory(dir)
        ? MarketDataLocation.setsAt(dir)
        : MarketDataSets.none().forRequests();
  }

  static Path configuredDirectory() {
    var configured = MarketDataLocation.configured();
    if (configured.isPresent()) {
      return configured.get();
    }
    String home = System.getenv("FULCRUM_HOME");
    Path dir =
        home == null ? Path.of("test-scenarios", "data") : Path.of(home, "test-scenarios", "data");
    // run from a module directory of the checkout (as the cli module's tests are)
    return Files.isDirectory(dir) || home != null ? dir : Path.of("..", "test-scenarios", "data");
  }
}
