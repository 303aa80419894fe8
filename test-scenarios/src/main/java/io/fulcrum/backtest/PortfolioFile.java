package io.fulcrum.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a backtest portfolio from YAML or JSON:
 *
 * <pre>
 * name: btc-eth-10
 * currency: USD
 * positions:
 *   - {asset: BTC, quantity: 1.5}
 *   - {asset: ETH, quantity: -20}
 * </pre>
 */
public final class PortfolioFile {

  private PortfolioFile() {}

  public static BacktestPortfolio read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("portfolio file does not exist: " + file);
    }
    try {
      return Json.yaml().readValue(file.toFile(), BacktestPortfolio.class);
    } catch (JsonProcessingException e) {
      // the message without Jackson's source excerpt ("at [Source: ...]"): line and reason only
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      String why =
          e.getCause() instanceof IllegalArgumentException iae
              ? iae.getMessage()
              : e.getOriginalMessage().replace("Duplicate field", "duplicate key");
      throw new IllegalArgumentException("portfolio file " + file + where + ": " + why, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("portfolio file " + file + ": " + e.getMessage(), e);
    }
  }
}
