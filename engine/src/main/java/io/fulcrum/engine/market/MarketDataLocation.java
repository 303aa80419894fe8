package io.fulcrum.engine.market;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one configured place of named market data sets (a directory of price CSVs, see {@link
 * DirectoryMarketDataSets}): the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}. Every command that decides requests (decide, regress, impact, stress,
 * backtest) and the decision service resolve {@code market.history.dataSet} there, so a request
 * that names a data set decides the same everywhere.
 */
public final class MarketDataLocation {

  public static final String PROPERTY = "fulcrum.market-data";
  public static final String ENVIRONMENT = "FULCRUM_MARKET_DATA";

  private MarketDataLocation() {}

  /** The configured directory, if any. */
  public static Optional<Path> configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENVIRONMENT);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
  }

  /**
   * The data sets of {@code directory} for requests (unknown references refused with the known sets
   * listed), read with the default missing-data policy ({@link MissingDataPolicy#SKIP_DAY}, as
   * {@code backtest} does).
   */
  public static MarketDataSets setsAt(Path directory) {
    return DirectoryMarketDataSets.at(directory, MissingDataPolicy.SKIP_DAY).forRequests();
  }
}
