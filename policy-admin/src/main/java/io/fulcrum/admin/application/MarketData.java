package io.fulcrum.admin.application;

import io.fulcrum.engine.market.MarketDataLocation;
import io.fulcrum.engine.market.MarketDataSets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The named market data sets the service resolves {@code market.history.dataSet} with: the price
 * CSVs of the directory set by {@code fulcrum.market-data} ({@code FULCRUM_MARKET_DATA}; {@code
 * ./fulcrum-service} defaults it to the shipped test-scenarios/data), the same abstraction and
 * files the command line uses. Without the setting every named set is refused, saying none are
 * configured; inline series work either way.
 */
@ApplicationScoped
public class MarketData {

  private static final Logger LOG = Logger.getLogger(MarketData.class.getName());

  @Inject
  @ConfigProperty(name = MarketDataLocation.PROPERTY)
  Optional<String> directory;

  /** The stored data sets (issue #19); null only in unit tests without a database. */
  @Inject io.fulcrum.admin.application.marketdata.MarketDataService stored;

  private volatile MarketDataSets sets;

  /**
   * At start-up: imports each price CSV of the configured directory that the database does not hold
   * yet as the first version of its set (the CLI's version, so the same references work).
   */
  public void importShipped() {
    directory
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d.trim()))
        .ifPresent(
            d -> {
              java.util.List<String> imported = stored.importDirectory(d);
              LOG.info(
                  () ->
                      "market data import from "
                          + d
                          + ": "
                          + (imported.isEmpty() ? "nothing new" : "imported " + imported));
            });
  }

  /**
   * The data sets for requests: unknown or unversioned references are invalid requests. Backed by
   * the database (every stored version by {@code name@version}, and {@code name@latest} for the
   * newest); without a database (unit tests), the configured directory.
   */
  public MarketDataSets sets() {
    if (stored != null) {
      return stored.sets().forRequests();
    }
    MarketDataSets s = sets;
    if (s == null) {
      s = at(directory.filter(d -> !d.isBlank()).map(d -> Path.of(d.trim())));
      sets = s;
    }
    return s;
  }

  static MarketDataSets at(Optional<Path> directory) {
    if (directory.isEmpty()) {
      return MarketDataSets.none().forRequests();
    }
    if (!Files.isDirectory(directory.get())) {
      LOG.severe(
          () ->
              MarketDataLocation.PROPERTY
                  + " names "
                  + directory.get()
                  + ", which is not a directory: requests naming a market data set are refused");
      return MarketDataSets.none().forRequests();
    }
    return MarketDataLocation.setsAt(directory.get());
  }
}
